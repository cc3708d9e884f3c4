package dev.ballast.kafka.sample;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What one sampling round read from the cluster.
 *
 * @param nanos when the round was taken, from the sampler's clock
 * @param logEndOffsets each partition's log-end offset (from its leader)
 * @param logStartOffsets each partition's log-start offset
 * @param replicaSizes each partition's replica sizes in bytes, by broker id
 * @param committedOffsets each partition's committed offset by consumer group
 * @param silentBrokers brokers that did not answer describeLogDirs in this round
 */
public record ClusterSample(
    long nanos,
    Map<TopicPartition, Long> logEndOffsets,
    Map<TopicPartition, Long> logStartOffsets,
    Map<TopicPartition, Map<Integer, Long>> replicaSizes,
    Map<TopicPartition, Map<String, Long>> committedOffsets,
    java.util.Set<Integer> silentBrokers) {

  /** Copies the maps. */
  public ClusterSample {
    logEndOffsets = Map.copyOf(logEndOffsets);
    logStartOffsets = Map.copyOf(logStartOffsets);
    replicaSizes = Map.copyOf(replicaSizes);
    committedOffsets = Map.copyOf(committedOffsets);
    silentBrokers = java.util.Set.copyOf(silentBrokers);
  }

  /** Returns the largest replica of {@code tp} in bytes (the leader's log is the longest), or 0. */
  public long size(TopicPartition tp) {
    Map<Integer, Long> sizes = replicaSizes.get(tp);
    return sizes == null ? 0 : sizes.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
