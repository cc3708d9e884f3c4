package dev.ballast.core.doctor;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test clusters for the doctor and the fix renderers, shared in one place so rules and golden files
 * see the same clusters.
 */
public final class Fixtures {

  /** One MiB. */
  public static final double MIB = 1 << 20;

  /** One GiB. */
  public static final long GIB = 1L << 30;

  /** 8 MiB/s in and out, 800 msg/s, 1 GiB: a busy partition. */
  public static final PartitionLoad BUSY = new PartitionLoad(8 * MIB, 8 * MIB, 800, GIB);

  /** 1 MiB/s in and out, 100 msg/s, 1 GiB. */
  public static final PartitionLoad UNIT = new PartitionLoad(MIB, MIB, 100, GIB);

  private Fixtures() {}

  /** Returns alive brokers 0..n-1, on racks az0..az(zones-1) in turn (no racks when zones is 0). */
  public static List<Broker> brokers(int n, int zones) {
    List<Broker> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Broker(i, zones == 0 ? null : "az" + (i % zones), BrokerState.ALIVE, null));
    }
    return out;
  }

  /** Returns {@code brokers} with broker {@code id} in {@code state}. */
  public static List<Broker> with(List<Broker> brokers, int id, BrokerState state) {
    List<Broker> out = new ArrayList<>(brokers);
    out.set(id, out.get(id).withState(state));
    return out;
  }

  /**
   * Returns {@code count} healthy partitions of {@code topic} with RF {@code rf} over n brokers.
   */
  public static List<Partition> roundRobin(
      String topic, int count, int rf, int brokers, PartitionLoad load) {
    List<Partition> out = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      List<Integer> replicas = new ArrayList<>();
      for (int k = 0; k < rf; k++) {
        replicas.add((p + k) % brokers);
      }
      out.add(Partition.of(topic, p, replicas, load));
    }
    return out;
  }

  /**
   * Returns the cluster of seed 002: 2 brokers in 2 zones, topic stress-test with 12 partitions at
   * RF=2 carrying 8 MiB/s each, and the followers of the odd partitions out of the ISR.
   */
  public static ClusterModel mskCapacity() {
    List<Partition> parts = new ArrayList<>();
    for (Partition p : roundRobin("stress-test", 12, 2, 2, BUSY)) {
      List<Integer> isr = p.partition() % 2 == 1 ? List.of(p.replicas().get(0)) : p.replicas();
      parts.add(new Partition(p.topic(), p.partition(), p.replicas(), p.leader(), isr, p.load()));
    }
    return ClusterModel.of(brokers(2, 2), parts);
  }

  /** Returns the seed 002 input: the cluster, min.insync.replicas=1, under-replication persists. */
  public static DoctorInput mskCapacityInput() {
    return new DoctorInput(mskCapacity(), Map.of(), Map.of(), true);
  }

  /** Returns the seed 002 settings: 100 MiB/s per broker, 2 zones. */
  public static DoctorSettings mskCapacitySettings() {
    return DoctorSettings.defaults().withBrokerCapacity(100 * MIB).withAvailabilityZones(2);
  }

  /**
   * Returns a 3-broker cluster with several problems at once: leadership of "orders" piled on
   * broker 0, an RF=1 topic "scratch", and topic configs with min.insync.replicas=3 on RF=2
   * "payments" and unclean leader election on "orders".
   */
  public static DoctorInput mixedProblems() {
    List<Partition> parts = new ArrayList<>();
    for (Partition p : roundRobin("orders", 6, 3, 3, UNIT)) {
      parts.add(new Partition(p.topic(), p.partition(), p.replicas(), 0, p.replicas(), p.load()));
    }
    parts.addAll(roundRobin("payments", 3, 2, 3, UNIT));
    parts.addAll(roundRobin("scratch", 3, 1, 3, UNIT));
    ClusterModel model = ClusterModel.of(brokers(3, 3), parts);
    return new DoctorInput(
        model,
        Map.of(
            "payments", new TopicConfig(3, false),
            "orders", new TopicConfig(2, true)),
        Map.of(),
        false);
  }

  /**
   * Returns 4 brokers on 2 racks where broker 3 is dead (fenced) with its replicas out of the ISR,
   * and broker 2 answers the canary in 250 ms while its peers take 4 to 6.
   */
  public static DoctorInput deadAndSlow() {
    List<Partition> parts = new ArrayList<>();
    for (Partition p : roundRobin("events", 8, 2, 4, UNIT)) {
      List<Integer> isr = p.replicas().stream().filter(r -> r != 3).toList();
      int leader = p.leader() == 3 ? isr.get(0) : p.leader();
      parts.add(new Partition(p.topic(), p.partition(), p.replicas(), leader, isr, p.load()));
    }
    ClusterModel model = ClusterModel.of(with(brokers(4, 2), 3, BrokerState.DEAD), parts);
    return new DoctorInput(model, Map.of(), Map.of(0, 4.0, 1, 6.0, 2, 250.0, 3, 5000.0), false);
  }

  /**
   * Returns the diagnosis of {@link #deadAndSlow()} with its incidents from the rules but a fix
   * written by hand, so the golden files of the renderers do not change when the planner does.
   */
  public static Diagnosis deadAndSlowDiagnosis() {
    DoctorInput in = deadAndSlow();
    List<Incident> incidents = new ArrayList<>(HealthRules.deadBrokers(in.model()));
    incidents.addAll(SlowBrokerRule.evaluate(in, DoctorSettings.defaults()).incidents());
    Fix fix =
        new Fix(
            null,
            List.of(
                new Reassignment("events", 2, List.of(2, 3), List.of(1, 2), GIB),
                new Reassignment("events", 3, List.of(3, 0), List.of(0, 1), GIB),
                new Reassignment("events", 6, List.of(2, 3), List.of(0, 2), GIB),
                new Reassignment("events", 7, List.of(3, 0), List.of(1, 0), GIB)),
            "4 replica move(s), 0 leadership transfer(s), 4 partition(s) changed, 4.0 GiB to copy;"
                + " hard-goal repairs first (dead-broker 4)",
            List.of(
                new PartitionRef("events", 2),
                new PartitionRef("events", 6),
                new PartitionRef("events", 7)),
            List.of(),
            List.of());
    return new Diagnosis(
        4,
        8,
        incidents,
        fix,
        List.of(
            "no broker capacity was given (--broker-capacity), so load was not checked against"
                + " capacity"));
  }
}
