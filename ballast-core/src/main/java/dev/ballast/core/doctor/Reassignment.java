package dev.ballast.core.doctor;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A new replica list for one partition, as {@code kafka-reassign-partitions.sh} takes it.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param oldReplicas the replicas now (for the rollback), preferred leader first
 * @param newReplicas the replicas wanted, preferred leader first
 * @param bytesToMove bytes copied: the partition's size times the replicas added
 */
public record Reassignment(
    String topic,
    int partition,
    List<Integer> oldReplicas,
    List<Integer> newReplicas,
    long bytesToMove) {

  /** Validates and copies the lists. */
  public Reassignment {
    requireNonNull(topic, "topic");
    oldReplicas = List.copyOf(oldReplicas);
    newReplicas = List.copyOf(newReplicas);
    if (newReplicas.isEmpty()) {
      throw new IllegalArgumentException(topic + "-" + partition + ": no new replicas");
    }
  }

  /** Returns {@code topic-partition}. */
  public String name() {
    return topic + "-" + partition;
  }
}
