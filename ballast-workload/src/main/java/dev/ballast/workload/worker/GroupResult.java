package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.continuity.ContinuityVerdict;

/**
 * One consumer group's outcome: its continuity verdict and, for a catch-up read, the backlog it
 * started with and the time it took to read it ({@code drainMillis} -1: it did not finish).
 */
public record GroupResult(
    String group,
    String topic,
    int consumers,
    ContinuityVerdict verdict,
    long backlog,
    double drainMillis) {

  /** Validates. */
  public GroupResult {
    requireNonNull(group, "group");
    requireNonNull(topic, "topic");
    requireNonNull(verdict, "verdict");
  }
}
