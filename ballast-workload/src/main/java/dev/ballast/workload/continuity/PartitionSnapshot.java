package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A copy of what one partition checker has seen: the offsets read, per producer the sequences read,
 * and its duplicate, reorder and re-read counts; what a remote worker reports.
 */
public record PartitionSnapshot(
    String topic,
    int partition,
    IntervalSet offsets,
    Map<Long, IntervalSet> sequences,
    long duplicated,
    long reordered,
    long redelivered) {

  /** Validates and copies the map (the sets are the caller's copies). */
  public PartitionSnapshot {
    requireNonNull(topic, "topic");
    requireNonNull(offsets, "offsets");
    sequences = Map.copyOf(sequences);
  }
}
