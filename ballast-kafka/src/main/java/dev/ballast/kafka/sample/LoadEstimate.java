package dev.ballast.kafka.sample;

import dev.ballast.core.model.PartitionLoad;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-partition load computed from a window of samples.
 *
 * @param loads the load of every partition that had data in every sample of the window
 * @param windowSeconds the time the window spans
 * @param samples how many samples it holds
 * @param missing partitions left out because a sample lacked them (new, deleted or offline)
 * @param staleBrokers brokers that did not answer in the window; plans must not rely on them
 * @param warnings what a user should know (disagreeing estimates, stale data)
 * @param startNanos the clock time of the window's first sample (0 when not ready)
 * @param endNanos the clock time of its last sample (0 when not ready)
 */
public record LoadEstimate(
    Map<TopicPartition, PartitionLoad> loads,
    double windowSeconds,
    int samples,
    Set<TopicPartition> missing,
    Set<Integer> staleBrokers,
    List<String> warnings,
    long startNanos,
    long endNanos) {

  /** Copies the collections. */
  public LoadEstimate {
    loads = Map.copyOf(loads);
    missing = Set.copyOf(missing);
    staleBrokers = Set.copyOf(staleBrokers);
    warnings = List.copyOf(warnings);
  }

  /** Creates an estimate without the window's clock times. */
  public LoadEstimate(
      Map<TopicPartition, PartitionLoad> loads,
      double windowSeconds,
      int samples,
      Set<TopicPartition> missing,
      Set<Integer> staleBrokers,
      List<String> warnings) {
    this(loads, windowSeconds, samples, missing, staleBrokers, warnings, 0, 0);
  }

  /** Returns whether the window held enough samples to compute rates. */
  public boolean ready() {
    return samples >= 2 && windowSeconds > 0;
  }
}
