package dev.ballast.core.synthetic;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a skewed cluster from a {@link SyntheticSpec}: topics of 6 to 48 partitions, per-topic
 * traffic drawn from a log-normal distribution (median 100 KiB/s per partition), message sizes of
 * 100 B to 4 KiB, 0 to 3 consumer groups, 6 to 72 hours of retention; replicas rack-aware, a {@code
 * skew} share of them on the first quarter of the brokers.
 */
public final class SyntheticCluster {

  private static final int[] TOPIC_SIZES = {6, 12, 24, 48};
  private static final int[] MESSAGE_SIZES = {100, 512, 1024, 4096};
  private static final int[] RETENTION_HOURS = {6, 24, 72};

  private SyntheticCluster() {}

  /** Returns the cluster {@code spec} describes. */
  public static ClusterModel generate(SyntheticSpec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    List<Broker> brokers = new ArrayList<>(spec.brokers());
    for (int i = 0; i < spec.brokers(); i++) {
      String rack = spec.racks() == 0 ? null : "r" + (i % spec.racks());
      brokers.add(new Broker(i, rack, BrokerState.ALIVE, null));
    }
    int hot = Math.max(1, (spec.brokers() + 3) / 4);
    boolean rackAware = spec.racks() >= spec.rf();
    List<Partition> partitions = new ArrayList<>(spec.partitions());
    int made = 0;
    int topic = 0;
    int[] chosen = new int[spec.rf()];
    while (made < spec.partitions()) {
      int count =
          Math.min(TOPIC_SIZES[random.nextInt(TOPIC_SIZES.length)], spec.partitions() - made);
      String name = String.format("topic-%06d", topic++);
      double rate = 100 * 1024 * Math.exp(random.nextGaussian());
      int messageSize = MESSAGE_SIZES[random.nextInt(MESSAGE_SIZES.length)];
      int consumers = random.nextInt(4);
      int retentionSeconds = 3600 * RETENTION_HOURS[random.nextInt(RETENTION_HOURS.length)];
      for (int i = 0; i < count; i++) {
        double in = rate * (0.5 + random.nextDouble());
        long size = (long) (in * retentionSeconds * (0.8 + 0.4 * random.nextDouble()));
        PartitionLoad load = new PartitionLoad(in, in * consumers, in / messageSize, size);
        for (int r = 0; r < spec.rf(); r++) {
          chosen[r] = pick(random, spec, hot, chosen, r, rackAware);
        }
        List<Integer> replicas = new ArrayList<>(spec.rf());
        for (int r = 0; r < spec.rf(); r++) {
          replicas.add(chosen[r]);
        }
        partitions.add(Partition.of(name, i, replicas, load));
      }
      made += count;
    }
    return ClusterModel.of(brokers, partitions);
  }

  private static int pick(
      SplittableRandom random, SyntheticSpec spec, int hot, int[] chosen, int n, boolean racks) {
    for (int attempt = 0; ; attempt++) {
      int b =
          attempt < 32 && random.nextDouble() < spec.skew()
              ? random.nextInt(hot)
              : random.nextInt(spec.brokers());
      boolean clash = false;
      for (int i = 0; i < n && !clash; i++) {
        clash = chosen[i] == b || (racks && chosen[i] % spec.racks() == b % spec.racks());
      }
      if (!clash) {
        return b;
      }
    }
  }
}
