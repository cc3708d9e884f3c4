package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * The target replica list of one partition, preferred leader first.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param replicas the target replicas; the first becomes the leader after the election
 * @param bytes the bytes the move copies, when known (for progress), else 0
 */
public record Reassignment(String topic, int partition, List<Integer> replicas, long bytes) {

  /** Validates and copies the replica list. */
  public Reassignment {
    requireNonNull(topic, "topic");
    replicas = List.copyOf(requireNonNull(replicas, "replicas"));
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException(topic + "-" + partition + " has no replicas");
    }
    if (new HashSet<>(replicas).size() != replicas.size()) {
      throw new IllegalArgumentException(
          topic + "-" + partition + " lists a broker twice in its replicas " + replicas);
    }
  }

  /** Returns the partition as Kafka names it. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** Returns {@code topic-partition}. */
  public String name() {
    return topic + "-" + partition;
  }
}
