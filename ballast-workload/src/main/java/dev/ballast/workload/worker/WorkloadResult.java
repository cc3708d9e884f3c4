package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.latency.LatencySummary;
import java.util.List;

/**
 * A workload run's outcome: counts, the rate achieved over the measured window (after warm-up,
 * until the producers stopped), latency percentiles in nanoseconds (from the intended send time,
 * from the send call, schedule delay, end to end), each consumer group's continuity verdict, and
 * errors.
 */
public record WorkloadResult(
    String name,
    double measuredSeconds,
    long sent,
    long acked,
    long failed,
    long consumed,
    Double targetMessagesPerSecond,
    double achievedMessagesPerSecond,
    double achievedMibPerSecond,
    LatencySummary latencyFromIntended,
    LatencySummary latencyFromSend,
    LatencySummary scheduleDelay,
    LatencySummary endToEnd,
    List<GroupResult> groups,
    boolean drained,
    List<String> errors) {

  /** Validates and copies. */
  public WorkloadResult {
    requireNonNull(name, "name");
    groups = List.copyOf(groups);
    errors = List.copyOf(errors);
  }

  /**
   * Returns whether every consumer group's verdict is clean (nothing lost, duplicated or reordered)
   * and no agent stopped on an error. Failed sends are not losses: the cluster never acknowledged
   * them; they are counted in {@code failed}.
   */
  public boolean clean() {
    return groups.stream().allMatch(g -> g.verdict().clean())
        && errors.stream().noneMatch(e -> e.contains(" stopped: "));
  }
}
