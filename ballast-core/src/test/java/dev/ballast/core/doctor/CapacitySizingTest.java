package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Fixtures.BUSY;
import static dev.ballast.core.doctor.Fixtures.MIB;
import static dev.ballast.core.doctor.Fixtures.UNIT;
import static dev.ballast.core.doctor.Fixtures.brokers;
import static dev.ballast.core.doctor.Fixtures.roundRobin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How many brokers CapacityInsufficient asks for, and the rebalance onto them. */
class CapacitySizingTest {

  /**
   * One sizing case.
   *
   * @param name what it shows
   * @param input the cluster
   * @param settings the settings
   * @param target the expected total brokers, or 0 for no scale-out
   * @param newIds the expected new broker ids
   */
  record Case(
      String name, DoctorInput input, DoctorSettings settings, int target, List<Integer> newIds) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    DoctorSettings d = DoctorSettings.defaults();
    return Stream.of(
        new Case(
            "seed 002: 192 MiB/s at 70% of 100 MiB/s is 3, rounded to 4 for 2 zones",
            Fixtures.mskCapacityInput(), Fixtures.mskCapacitySettings(), 4, List.of(2, 3)),
        new Case(
            "the same load in one zone needs 3",
            Fixtures.mskCapacityInput(),
            d.withBrokerCapacity(100 * MIB).withAvailabilityZones(1),
            3,
            List.of(2)),
        new Case(
            "zones counted from racks when not given: 3 racks, 3 brokers, persistent URPs -> 6",
            persistentUrps(ClusterModel.of(brokers(3, 3), urps(roundRobin("t", 6, 3, 3, UNIT)))),
            d,
            6,
            List.of(3, 4, 5)),
        new Case(
            "no capacity known, no load: persistent URPs ask for one broker more per zone",
            persistentUrps(
                ClusterModel.of(brokers(2, 2), urps(roundRobin("t", 4, 2, 2, PartitionLoad.ZERO)))),
            d,
            4,
            List.of(2, 3)),
        new Case(
            "no capacity known: the busiest broker is taken as saturated, 70% of it per broker",
            persistentUrps(ClusterModel.of(brokers(2, 0), urps(roundRobin("t", 4, 2, 2, BUSY)))),
            d,
            3,
            List.of(2)),
        new Case(
            "24 replicas at 10 per broker need 3",
            DoctorInput.of(ClusterModel.of(brokers(2, 0), roundRobin("t", 12, 2, 2, UNIT))),
            d.withMaxPartitionsPerBroker(10),
            3,
            List.of(2)),
        new Case(
            "persistent URPs while new brokers are still empty: rebalance first, no scale-out",
            persistentUrps(ClusterModel.of(brokers(4, 2), urps(roundRobin("t", 12, 2, 2, BUSY)))),
            d.withBrokerCapacity(100 * MIB),
            0,
            List.of()),
        new Case(
            "load within the alarm fraction and no URPs: no scale-out",
            DoctorInput.of(ClusterModel.of(brokers(2, 2), roundRobin("t", 12, 2, 2, BUSY))),
            d.withBrokerCapacity(200 * MIB),
            0,
            List.of()),
        new Case(
            "a lower target utilisation asks for more: 192 MiB/s at 40% of 100 MiB/s is 5, 6 for"
                + " 2 zones",
            Fixtures.mskCapacityInput(),
            Fixtures.mskCapacitySettings().withTargetUtilisation(0.4),
            6,
            List.of(2, 3, 4, 5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sizesTheCluster(Case c) {
    Diagnosis d = new Doctor(c.settings(), PlannerOptions.defaults()).diagnose(c.input());

    ScaleOut so = d.fix().scaleOut();
    if (c.target() == 0) {
      assertThat(so).isNull();
      assertThat(d.incident("capacity-insufficient")).isNull();
      return;
    }
    assertThat(so).isNotNull();
    assertThat(so.targetBrokers()).isEqualTo(c.target());
    assertThat(so.newBrokerIds()).containsExactlyElementsOf(c.newIds());
    assertThat(so.targetBrokers() % so.availabilityZones()).isZero();
    assertThat(d.incident("capacity-insufficient").severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void rebalanceOfTheSeedFillsTheNewBrokersEvenly() {
    Diagnosis d =
        new Doctor(Fixtures.mskCapacitySettings(), PlannerOptions.defaults())
            .diagnose(Fixtures.mskCapacityInput());

    int[] replicas = new int[4];
    List<List<Integer>> placement = new ArrayList<>();
    for (Partition p : Fixtures.mskCapacity().partitions()) {
      placement.add(p.replicas());
    }
    for (Reassignment r : d.fix().rebalance()) {
      placement.set(r.partition(), r.newReplicas());
    }
    placement.forEach(rs -> rs.forEach(b -> replicas[b]++));
    assertThat(replicas).containsExactly(6, 6, 6, 6);
    assertThat(d.fix().rebalance()).hasSize(6);
    assertThat(d.fix().rebalance().stream().mapToLong(Reassignment::bytesToMove).sum())
        .isEqualTo(12 * Fixtures.GIB);
  }

  @Test
  void newBrokersGoToTheZonesWithFewestBrokers() {
    ClusterModel model = ClusterModel.of(brokers(3, 2), roundRobin("t", 3, 2, 3, UNIT));
    ScaleOut so = new ScaleOut(3, 6, 2, List.of(3, 4, 5), "test");

    ClusterModel grown = Doctor.grow(model, so);

    assertThat(grown.brokers())
        .extracting(b -> b.id() + ":" + b.rack() + ":" + b.state().label())
        .containsExactly(
            "0:az0:alive", "1:az1:alive", "2:az0:alive", "3:az1:new", "4:az0:new", "5:az1:new");
  }

  private static DoctorInput persistentUrps(ClusterModel model) {
    return new DoctorInput(model, Map.of(), Map.of(), true);
  }

  /** Returns the partitions with the last replica of each out of the ISR. */
  private static List<Partition> urps(List<Partition> parts) {
    List<Partition> out = new ArrayList<>();
    for (Partition p : parts) {
      List<Integer> isr = p.replicas().subList(0, p.replicas().size() - 1);
      out.add(new Partition(p.topic(), p.partition(), p.replicas(), p.leader(), isr, p.load()));
    }
    return out;
  }
}
