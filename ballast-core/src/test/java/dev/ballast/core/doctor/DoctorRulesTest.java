package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Fixtures.BUSY;
import static dev.ballast.core.doctor.Fixtures.MIB;
import static dev.ballast.core.doctor.Fixtures.UNIT;
import static dev.ballast.core.doctor.Fixtures.brokers;
import static dev.ballast.core.doctor.Fixtures.roundRobin;
import static dev.ballast.core.doctor.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule on a small cluster, with the exact incidents (id and severity) expected. */
class DoctorRulesTest {

  /**
   * One case: a cluster, the settings, and the incidents expected as "id:severity".
   *
   * @param name what the case shows
   * @param input the input
   * @param settings the settings
   * @param expected the incidents, in diagnosis order
   */
  record Case(String name, DoctorInput input, DoctorSettings settings, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    DoctorSettings defaults = DoctorSettings.defaults();
    return Stream.of(
        new Case(
            "healthy balanced cluster has no incident",
            DoctorInput.of(ClusterModel.of(brokers(3, 3), roundRobin("t", 6, 3, 3, UNIT))),
            defaults,
            List.of()),
        new Case(
            "seed 002: persistent URPs and brokers above 80% of capacity",
            Fixtures.mskCapacityInput(),
            Fixtures.mskCapacitySettings(),
            List.of("capacity-insufficient:high")),
        new Case(
            "URPs seen once are only a low incident",
            new DoctorInput(Fixtures.mskCapacity(), Map.of(), Map.of(), false),
            defaults,
            List.of("under-replicated:low")),
        new Case(
            "persistent URPs after brokers were added but before the rebalance",
            new DoctorInput(
                ClusterModel.of(brokers(4, 2), Fixtures.mskCapacity().partitions()),
                Map.of(),
                Map.of(),
                true),
            Fixtures.mskCapacitySettings(),
            List.of("imbalance:medium", "under-replicated:medium")),
        new Case(
            "dead broker with replicas",
            DoctorInput.of(
                ClusterModel.of(
                    with(brokers(3, 0), 2, BrokerState.DEAD),
                    dropFromIsr(roundRobin("t", 6, 2, 3, UNIT), 2))),
            defaults,
            List.of("dead-broker-2:high")),
        new Case(
            "dead broker holding the only replica is critical, with offline partitions",
            DoctorInput.of(
                ClusterModel.of(
                    with(brokers(2, 0), 1, BrokerState.DEAD),
                    List.of(
                        Partition.of("a", 0, List.of(0), UNIT),
                        new Partition("a", 1, List.of(1), -1, List.of(), UNIT)))),
            defaults,
            List.of("dead-broker-1:critical", "offline-partitions:critical")),
        new Case(
            "ISR below min.insync.replicas",
            new DoctorInput(
                ClusterModel.of(
                    brokers(3, 0),
                    List.of(new Partition("p", 0, List.of(0, 1, 2), 0, List.of(0), UNIT))),
                Map.of("p", new TopicConfig(2, false)),
                Map.of(),
                false),
            defaults,
            List.of("under-min-isr:high", "under-replicated:low")),
        new Case(
            "a broker 50x slower than its peers",
            new DoctorInput(
                ClusterModel.of(brokers(3, 0), roundRobin("t", 6, 2, 3, UNIT)),
                Map.of(),
                Map.of(0, 4.0, 1, 6.0, 2, 250.0),
                false),
            defaults,
            List.of("slow-broker-2:medium")),
        new Case(
            "latency within 3x of the peers is not slow",
            new DoctorInput(
                ClusterModel.of(brokers(3, 0), roundRobin("t", 6, 2, 3, UNIT)),
                Map.of(),
                Map.of(0, 40.0, 1, 60.0, 2, 140.0),
                false),
            defaults,
            List.of()),
        new Case(
            "four-one-one traffic is imbalanced",
            DoctorInput.of(
                ClusterModel.of(
                    brokers(3, 0),
                    List.of(
                        Partition.of("t", 0, List.of(0), BUSY),
                        Partition.of("t", 1, List.of(0), BUSY),
                        Partition.of("t", 2, List.of(0), BUSY),
                        Partition.of("t", 3, List.of(0), BUSY),
                        Partition.of("t", 4, List.of(1), BUSY),
                        Partition.of("t", 5, List.of(2), BUSY)))),
            defaults,
            List.of("imbalance:medium")),
        new Case(
            "one hot broker in a cluster with room is imbalance, not capacity",
            DoctorInput.of(
                ClusterModel.of(
                    brokers(3, 0),
                    List.of(
                        Partition.of("t", 0, List.of(0), BUSY),
                        Partition.of("t", 1, List.of(0), BUSY),
                        Partition.of("t", 2, List.of(0), BUSY),
                        Partition.of("t", 3, List.of(1), BUSY)))),
            defaults.withBrokerCapacity(20 * MIB),
            List.of("imbalance:medium")),
        new Case(
            "too many partitions per broker",
            DoctorInput.of(ClusterModel.of(brokers(2, 0), roundRobin("t", 12, 2, 2, UNIT))),
            defaults.withMaxPartitionsPerBroker(10),
            List.of("capacity-insufficient:high")),
        new Case(
            "several problems at once",
            Fixtures.mixedProblems(),
            defaults,
            List.of(
                "min-isr-payments:high",
                "under-min-isr:high",
                "imbalance:medium",
                "rf1-scratch:medium",
                "unclean-election-orders:medium",
                "leader-skew:low")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactlyTheExpectedIncidents(Case c) {
    Diagnosis d = new Doctor(c.settings(), PlannerOptions.defaults()).diagnose(c.input());

    assertThat(d.incidents())
        .extracting(i -> i.id() + ":" + i.severity().label())
        .containsExactlyElementsOf(c.expected());
  }

  private static List<Partition> dropFromIsr(List<Partition> parts, int broker) {
    List<Partition> out = new ArrayList<>();
    for (Partition p : parts) {
      List<Integer> isr = p.isr().stream().filter(r -> r != broker).toList();
      int leader = p.leader() == broker ? isr.get(0) : p.leader();
      out.add(new Partition(p.topic(), p.partition(), p.replicas(), leader, isr, p.load()));
    }
    return out;
  }
}
