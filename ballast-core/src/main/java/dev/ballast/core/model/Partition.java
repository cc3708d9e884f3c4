package dev.ballast.core.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One partition: where its replicas are, who leads it, and its load.
 *
 * @param topic the topic name
 * @param partition the partition number
 * @param replicas the broker ids holding a replica; the first is the preferred leader
 * @param leader the broker id of the current leader, or -1 when the partition is offline
 * @param isr the in-sync replicas (a subset of {@code replicas})
 * @param load the partition's load
 */
public record Partition(
    String topic,
    int partition,
    List<Integer> replicas,
    int leader,
    List<Integer> isr,
    PartitionLoad load) {

  /** Validates the replica list, the leader and the ISR, and copies the lists. */
  public Partition {
    requireNonNull(topic, "topic");
    requireNonNull(load, "load");
    if (topic.isEmpty()) {
      throw new IllegalArgumentException("topic name must not be empty");
    }
    if (partition < 0) {
      throw new IllegalArgumentException(topic + ": partition number must be >= 0");
    }
    replicas = List.copyOf(requireNonNull(replicas, "replicas"));
    isr = List.copyOf(requireNonNull(isr, "isr"));
    String name = topic + "-" + partition;
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException(name + " has no replicas");
    }
    Set<Integer> seen = new HashSet<>();
    for (Integer r : replicas) {
      if (!seen.add(r)) {
        throw new IllegalArgumentException(name + " lists broker " + r + " twice in replicas");
      }
    }
    if (leader != -1 && !seen.contains(leader)) {
      throw new IllegalArgumentException(
          name + " has leader " + leader + " which is not one of its replicas " + replicas);
    }
    for (Integer r : isr) {
      if (!seen.contains(r)) {
        throw new IllegalArgumentException(
            name + " has broker " + r + " in its ISR but not in its replicas " + replicas);
      }
    }
  }

  /** Returns a healthy partition led by its preferred leader, with every replica in sync. */
  public static Partition of(
      String topic, int partition, List<Integer> replicas, PartitionLoad load) {
    return new Partition(topic, partition, replicas, replicas.get(0), replicas, load);
  }

  /** Returns {@code topic-partition}, the name Kafka's tools print. */
  public String name() {
    return topic + "-" + partition;
  }
}
