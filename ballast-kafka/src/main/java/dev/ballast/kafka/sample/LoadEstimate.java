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
 */
public record LoadEstimate(
    Map<TopicPartition, PartitionLoad> loads,
    double windowSeconds,
    int samples,
    Set<TopicPartition> missing,
    Set<Integer> staleBrokers,
    List<String> warnings) {

  /** Copies the collections. */
  public LoadEstimate {
    loads = Map.copyOf(loads);
    missing = Set.copyOf(missing);
    staleBrokers = Set.copyOf(staleBrokers);
    warnings = List.copyOf(warnings);
  }

  /** Returns whether the window held enough samples to compute rates. */
  public boolean ready() {
    return samples >= 2 && windowSeconds > 0;
  }
}
