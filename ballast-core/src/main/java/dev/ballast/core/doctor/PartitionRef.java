package dev.ballast.core.doctor;

import static java.util.Objects.requireNonNull;

/**
 * A partition by name.
 *
 * @param topic the topic
 * @param partition the partition number
 */
public record PartitionRef(String topic, int partition) {

  /** Validates the topic. */
  public PartitionRef {
    requireNonNull(topic, "topic");
  }

  /** Returns {@code topic-partition}. */
  public String name() {
    return topic + "-" + partition;
  }
}
