package dev.ballast.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.fix.FixContext;
import dev.ballast.core.fix.FixFormat;
import dev.ballast.core.fix.FixRenderers;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the diagnosis on random clusters. */
class DoctorPropertiesTest {

  @Property(tries = 30)
  void sizingAndFixKeepTheirPromises(
      @ForAll @IntRange(min = 1, max = 6) int brokers,
      @ForAll @IntRange(min = 1, max = 3) int zones,
      @ForAll @IntRange(min = 0, max = 30) int partitions,
      @ForAll @IntRange(min = 1, max = 200) int capacityMib,
      @ForAll boolean persistent,
      @ForAll long seed) {
    Random random = new Random(seed);
    ClusterModel model = cluster(brokers, zones, partitions, random);
    DoctorSettings settings =
        DoctorSettings.defaults()
            .withBrokerCapacity(capacityMib * Fixtures.MIB)
            .withAvailabilityZones(zones);
    DoctorInput input = new DoctorInput(model, Map.of(), Map.of(), persistent);
    Doctor doctor = new Doctor(settings, PlannerOptions.defaults());

    Diagnosis d = doctor.diagnose(input);

    ScaleOut so = d.fix().scaleOut();
    if (so != null) {
      assertThat(so.targetBrokers()).isGreaterThan(brokers);
      assertThat(so.targetBrokers() % zones).isZero();
      assertThat(so.newBrokerIds()).hasSize(so.targetBrokers() - brokers).doesNotHaveDuplicates();
      double totalIn = 0;
      for (Partition p : model.partitions()) {
        totalIn += p.load().bytesInPerSec() * p.replicas().size();
      }
      assertThat(totalIn / (so.targetBrokers() * capacityMib * Fixtures.MIB))
          .isLessThanOrEqualTo(settings.targetUtilisation() + 1e-9);
      assertThat(d.incident("capacity-insufficient")).isNotNull();
    }
    for (Reassignment r : d.fix().rebalance()) {
      assertThat(r.newReplicas()).hasSameSizeAs(r.oldReplicas());
      assertThat(new HashSet<>(r.newReplicas())).hasSameSizeAs(r.newReplicas());
    }
    assertThat(d.incidents()).extracting(Incident::id).doesNotHaveDuplicates();
    assertThat(d.incidents())
        .isSortedAccordingTo(
            java.util.Comparator.comparing(Incident::severity).thenComparing(Incident::id));
    assertThat(FixRenderers.render(FixFormat.JSON, doctor.diagnose(input), FixContext.defaults()))
        .isEqualTo(FixRenderers.render(FixFormat.JSON, d, FixContext.defaults()));
  }

  /** Returns a random cluster: racks in turn, RF up to 3, some followers out of the ISR. */
  private static ClusterModel cluster(int brokers, int zones, int partitions, Random random) {
    List<Broker> bs = new ArrayList<>();
    for (int i = 0; i < brokers; i++) {
      bs.add(new Broker(i, "az" + (i % zones), BrokerState.ALIVE, null));
    }
    List<Partition> ps = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      int rf = 1 + random.nextInt(Math.min(3, brokers));
      List<Integer> replicas = new ArrayList<>();
      int first = random.nextInt(brokers);
      for (int k = 0; k < rf; k++) {
        replicas.add((first + k) % brokers);
      }
      double rate = random.nextInt(40) * Fixtures.MIB;
      PartitionLoad load =
          new PartitionLoad(
              rate, rate * random.nextInt(3), random.nextInt(5000), random.nextInt(1 << 30));
      List<Integer> isr = rf > 1 && random.nextInt(4) == 0 ? replicas.subList(0, rf - 1) : replicas;
      ps.add(new Partition("t" + random.nextInt(3), p, replicas, replicas.get(0), isr, load));
    }
    return ClusterModel.of(bs, ps);
  }
}
