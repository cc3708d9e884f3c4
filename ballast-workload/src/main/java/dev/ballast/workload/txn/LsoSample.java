package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

/**
 * One partition's last stable offset (what {@code read_committed} consumers may read up to) and
 * high watermark at one moment.
 *
 * @param nanos when it was read, on the run's clock
 * @param topic the topic
 * @param partition the partition
 * @param lastStable the offset from {@code listOffsets} with {@code READ_COMMITTED}
 * @param highWatermark the offset from {@code listOffsets} with {@code READ_UNCOMMITTED}
 */
public record LsoSample(
    long nanos, String topic, int partition, long lastStable, long highWatermark) {

  /** Validates. */
  public LsoSample {
    requireNonNull(topic, "topic");
    if (lastStable < 0 || highWatermark < 0) {
      throw new IllegalArgumentException("offsets must be >= 0");
    }
  }
}
