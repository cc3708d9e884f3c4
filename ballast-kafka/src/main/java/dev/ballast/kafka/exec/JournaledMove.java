package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * A reassignment Ballast submitted, as journaled before it was submitted.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param before the replicas when the move was submitted
 * @param target the replicas the move goes to
 * @param owner which Ballast process started it ({@code host/pid}), for messages
 */
public record JournaledMove(
    String topic, int partition, List<Integer> before, List<Integer> target, String owner) {

  /** Validates and copies the replica lists. */
  public JournaledMove {
    requireNonNull(topic, "topic");
    before = List.copyOf(requireNonNull(before, "before"));
    target = List.copyOf(requireNonNull(target, "target"));
    requireNonNull(owner, "owner");
  }

  /** Returns the partition as Kafka names it. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** Returns the move as the executor takes it. */
  public Reassignment toReassignment() {
    return new Reassignment(topic, partition, target, 0);
  }
}
