package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

/**
 * A partition whose last stable offset stayed behind the high watermark, unmoved, for longer than
 * the transaction timeout: an open transaction nobody finished (a hanging transaction).
 *
 * @param topic the topic
 * @param partition the partition
 * @param lastStable the offset it was stuck at
 * @param highWatermark the high watermark when last seen
 * @param stuckNanos for how long it did not move
 */
public record StuckPartition(
    String topic, int partition, long lastStable, long highWatermark, long stuckNanos) {

  /** Validates. */
  public StuckPartition {
    requireNonNull(topic, "topic");
  }

  /** Returns a one-line description. */
  public String describe() {
    return String.format(
        "%s-%d: last stable offset %d behind high watermark %d for %.1f s",
        topic, partition, lastStable, highWatermark, stuckNanos / 1e9);
  }
}
