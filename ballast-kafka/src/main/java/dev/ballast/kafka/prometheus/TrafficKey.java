package dev.ballast.kafka.prometheus;

import static java.util.Objects.requireNonNull;

/**
 * What a byte figure is about: a topic, or one of its partitions, in one direction.
 *
 * @param topic the topic
 * @param partition the partition, or {@link #WHOLE_TOPIC} when the exporter reports per topic
 * @param direction produced (in) or consumed (out)
 */
public record TrafficKey(String topic, int partition, Direction direction) {

  /** The partition number of a per-topic figure. */
  public static final int WHOLE_TOPIC = -1;

  /** Which way the bytes flow. */
  public enum Direction {
    /** Produced to the topic (BytesIn: not counting replication). */
    IN,
    /** Fetched by consumers (BytesOut: not counting replication). */
    OUT
  }

  /** Validates the key. */
  public TrafficKey {
    requireNonNull(topic, "topic");
    requireNonNull(direction, "direction");
    if (partition < WHOLE_TOPIC) {
      throw new IllegalArgumentException("partition must be >= 0 or WHOLE_TOPIC, not " + partition);
    }
  }

  /** Returns whether the figure covers the whole topic rather than one partition. */
  public boolean wholeTopic() {
    return partition == WHOLE_TOPIC;
  }
}
