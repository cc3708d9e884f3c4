package dev.ballast.core.plan;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: small clusters built from placements written as broker-id lists. */
final class Clusters {

  static final long GIB = 1L << 30;
  static final double MIB = 1 << 20;

  /** One MiB/s in, one MiB/s out, 1000 msg/s, 1 GiB: the "equal partition" of the scenarios. */
  static final PartitionLoad UNIT = new PartitionLoad(MIB, MIB, 1000, GIB);

  private Clusters() {}

  /** Returns {@code n} alive brokers 0..n-1 without racks. */
  static List<Broker> brokers(int n) {
    List<Broker> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Broker.alive(i));
    }
    return out;
  }

  /** Returns partitions of {@code topic}, the i-th with {@code replicas[i]} and {@code load}. */
  static List<Partition> topic(String topic, PartitionLoad load, int[]... replicas) {
    List<Partition> out = new ArrayList<>();
    for (int i = 0; i < replicas.length; i++) {
      out.add(Partition.of(topic, i, java.util.Arrays.stream(replicas[i]).boxed().toList(), load));
    }
    return out;
  }

  /** Returns RF=1 partitions placed {@code counts[b]} on broker b, all with {@code load}. */
  static List<Partition> rf1(String topic, PartitionLoad load, int... counts) {
    List<Partition> out = new ArrayList<>();
    int n = 0;
    for (int b = 0; b < counts.length; b++) {
      for (int i = 0; i < counts[b]; i++) {
        out.add(Partition.of(topic, n++, List.of(b), load));
      }
    }
    return out;
  }

  /** Returns the number of replicas each broker 0..n-1 holds in {@code model}. */
  static int[] replicaCounts(ClusterModel model, int n) {
    int[] c = new int[n];
    for (Partition p : model.partitions()) {
      for (int r : p.replicas()) {
        c[r]++;
      }
    }
    return c;
  }

  /** Returns the number of partitions each broker 0..n-1 leads in {@code model}. */
  static int[] leaderCounts(ClusterModel model, int n) {
    int[] c = new int[n];
    for (Partition p : model.partitions()) {
      if (p.leader() >= 0) {
        c[p.leader()]++;
      }
    }
    return c;
  }

  /** Returns {@code brokers} with broker {@code id} in {@code state}. */
  static List<Broker> with(List<Broker> brokers, int id, BrokerState state) {
    List<Broker> out = new ArrayList<>(brokers);
    out.set(id, out.get(id).withState(state));
    return out;
  }

  /** Plans {@code model} with the default options. */
  static Plan plan(ClusterModel model) {
    return new Planner(PlannerOptions.defaults()).plan(model);
  }
}
