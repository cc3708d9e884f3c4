package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

/** One producer's messages to one partition: the unit whose sequence numbers must be continuous. */
public record StreamId(long producerId, String topic, int partition) {

  /** Validates the id. */
  public StreamId {
    requireNonNull(topic, "topic");
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, got " + partition);
    }
  }

  @Override
  public String toString() {
    return "producer " + Long.toHexString(producerId) + " " + topic + "-" + partition;
  }
}
