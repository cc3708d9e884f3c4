package dev.ballast.kafka.exec;

import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** What the executor reads from the cluster: replicas now and reassignments in flight. */
final class ClusterReads {

  private final Admin admin;
  private final Duration timeout;

  ClusterReads(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Returns every reassignment in flight in the cluster. */
  Map<TopicPartition, PartitionReassignment> ongoing() {
    return AdminCalls.get(
        admin.listPartitionReassignments().reassignments(),
        timeout,
        "list reassignments in flight");
  }

  /** Returns the reassignments in flight among {@code partitions}. */
  Map<TopicPartition, PartitionReassignment> ongoing(Collection<TopicPartition> partitions) {
    return AdminCalls.get(
        admin.listPartitionReassignments(new HashSet<>(partitions)).reassignments(),
        timeout,
        "read reassignment progress");
  }

  /** Returns the replicas now of every partition of the topics of {@code moves}, by topic. */
  Map<String, Map<Integer, List<Integer>>> currentReplicas(Collection<Reassignment> moves) {
    Set<String> topics = new HashSet<>();
    moves.forEach(r -> topics.add(r.topic()));
    Map<String, Map<Integer, List<Integer>>> out = new HashMap<>();
    if (topics.isEmpty()) {
      return out;
    }
    Map<String, KafkaFuture<TopicDescription>> described =
        admin.describeTopics(topics).topicNameValues();
    for (var e : described.entrySet()) {
      TopicDescription d;
      try {
        d = AdminCalls.get(e.getValue(), timeout, "describe the plan's topics");
      } catch (RuntimeException ex) {
        if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
          continue; // deleted: nothing of it is at any target
        }
        throw ex;
      }
      Map<Integer, List<Integer>> parts = new HashMap<>();
      for (TopicPartitionInfo p : d.partitions()) {
        parts.put(p.partition(), p.replicas().stream().map(Node::id).toList());
      }
      out.put(e.getKey(), parts);
    }
    return out;
  }

  /** Returns the partitions of {@code moves} that have a replica out of sync now. */
  Set<TopicPartition> underReplicated(Collection<Reassignment> moves) {
    Set<String> topics = new HashSet<>();
    moves.forEach(r -> topics.add(r.topic()));
    Set<TopicPartition> out = new HashSet<>();
    if (topics.isEmpty()) {
      return out;
    }
    AdminCalls.get(admin.describeTopics(topics).allTopicNames(), timeout, "describe the ISR")
        .forEach(
            (name, d) ->
                d.partitions().stream()
                    .filter(p -> p.isr().size() < p.replicas().size())
                    .forEach(p -> out.add(new TopicPartition(name, p.partition()))));
    return out;
  }

  /**
   * Returns how many partitions of the cluster's topics (internal ones too) have a replica out of
   * sync now, not counting {@code ours} (a partition being moved is out of sync until its new
   * replica catches up).
   */
  int underReplicatedOutside(Set<TopicPartition> ours) {
    Set<String> topics =
        AdminCalls.get(
            admin.listTopics(new ListTopicsOptions().listInternal(true)).names(),
            timeout,
            "list topics");
    if (topics.isEmpty()) {
      return 0;
    }
    int count = 0;
    for (var e :
        AdminCalls.get(admin.describeTopics(topics).allTopicNames(), timeout, "describe the ISR")
            .entrySet()) {
      for (TopicPartitionInfo p : e.getValue().partitions()) {
        if (p.isr().size() < p.replicas().size()
            && !ours.contains(new TopicPartition(e.getKey(), p.partition()))) {
          count++;
        }
      }
    }
    return count;
  }

  /** Returns the replicas of {@code r}'s partition in {@code current}, empty when unknown. */
  static List<Integer> replicasOf(
      Reassignment r, Map<String, Map<Integer, List<Integer>>> current) {
    return current.getOrDefault(r.topic(), Map.of()).getOrDefault(r.partition(), List.of());
  }

  /** Returns the brokers that gain or lose a replica; empty for a leadership-only change. */
  static Set<Integer> touchedBrokers(List<Integer> before, List<Integer> after) {
    Set<Integer> touched = new HashSet<>();
    after.stream().filter(b -> !before.contains(b)).forEach(touched::add);
    before.stream().filter(b -> !after.contains(b)).forEach(touched::add);
    return touched;
  }

  /** Returns the replicas a reassignment in flight goes to. */
  static List<Integer> target(PartitionReassignment o) {
    return o.replicas().stream().filter(b -> !o.removingReplicas().contains(b)).toList();
  }
}
