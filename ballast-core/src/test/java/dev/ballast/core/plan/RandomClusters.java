package dev.ballast.core.plan;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.Capacity;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random clusters for property tests, built from a seed: 3 to 8 brokers in any state, 0 to 3
 * racks, RF 1 to 3, up to 30 partitions in up to 4 topics, random placement, leaders, ISRs and
 * loads, and now and then a capacity.
 */
final class RandomClusters {

  private RandomClusters() {}

  /** Returns the cluster for {@code seed}. */
  static ClusterModel of(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int brokers = 3 + r.nextInt(6);
    int racks = r.nextInt(4);
    BrokerState[] states = BrokerState.values();
    List<Broker> bs = new ArrayList<>();
    for (int i = 0; i < brokers; i++) {
      BrokerState state = r.nextInt(4) == 0 ? states[r.nextInt(states.length)] : BrokerState.ALIVE;
      Capacity capacity = r.nextInt(8) == 0 ? new Capacity(40e6, 80e6) : null;
      bs.add(new Broker(i, racks == 0 ? null : "rack-" + (i % racks), state, capacity));
    }
    int partitions = 1 + r.nextInt(30);
    int topics = 1 + r.nextInt(4);
    List<Partition> ps = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      int rf = 1 + r.nextInt(Math.min(3, brokers));
      List<Integer> replicas = new ArrayList<>();
      while (replicas.size() < rf) {
        int b = r.nextInt(brokers);
        if (!replicas.contains(b)) {
          replicas.add(b);
        }
      }
      int leader = r.nextInt(10) == 0 ? -1 : replicas.get(r.nextInt(rf));
      List<Integer> isr = new ArrayList<>();
      for (int b : replicas) {
        if (b == leader || r.nextInt(5) != 0) {
          isr.add(b);
        }
      }
      double in = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 10e6;
      PartitionLoad load =
          new PartitionLoad(
              in, in * r.nextInt(4), in / (100 + r.nextInt(4000)), (long) (r.nextDouble() * 50e9));
      ps.add(new Partition("t" + (p % topics), p, replicas, leader, isr, load));
    }
    return ClusterModel.of(bs, ps);
  }
}
