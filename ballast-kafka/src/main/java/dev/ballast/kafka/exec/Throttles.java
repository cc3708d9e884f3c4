package dev.ballast.kafka.exec;

import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The replication throttle of an execution, set as {@code kafka-reassign-partitions.sh --throttle}
 * does: a rate on every broker involved, and the moving replicas listed on their topics (leaders
 * for the current replicas, followers for the added ones). {@link #remove()} deletes exactly what
 * {@link #apply} set.
 */
final class Throttles {

  static final String LEADER_RATE = "leader.replication.throttled.rate";
  static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
  static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
  static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";

  private final Admin admin;
  private final Duration timeout;
  private final Set<Integer> brokers = new TreeSet<>();
  private final Set<String> topics = new TreeSet<>();

  Throttles(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /**
   * Throttles the moves of {@code moves} (target) from {@code current} replicas at {@code rate}.
   */
  void apply(
      Collection<Reassignment> moves, Map<String, Map<Integer, List<Integer>>> current, long rate) {
    if (rate <= 0 || moves.isEmpty()) {
      return;
    }
    Map<String, Set<String>> leaders = new TreeMap<>();
    Map<String, Set<String>> followers = new TreeMap<>();
    for (Reassignment m : moves) {
      List<Integer> before =
          current.getOrDefault(m.topic(), Map.of()).getOrDefault(m.partition(), List.of());
      for (int b : before) {
        leaders.computeIfAbsent(m.topic(), t -> new TreeSet<>()).add(m.partition() + ":" + b);
        brokers.add(b);
      }
      for (int b : m.replicas()) {
        if (!before.contains(b)) {
          followers.computeIfAbsent(m.topic(), t -> new TreeSet<>()).add(m.partition() + ":" + b);
        }
        brokers.add(b);
      }
    }
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
    for (int b : brokers) {
      ops.put(
          new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
          List.of(set(LEADER_RATE, Long.toString(rate)), set(FOLLOWER_RATE, Long.toString(rate))));
    }
    Set<String> allTopics = new TreeSet<>(leaders.keySet());
    allTopics.addAll(followers.keySet());
    for (String t : allTopics) {
      topics.add(t);
      List<AlterConfigOp> topicOps = new ArrayList<>();
      topicOps.add(set(LEADER_REPLICAS, String.join(",", leaders.getOrDefault(t, Set.of()))));
      topicOps.add(set(FOLLOWER_REPLICAS, String.join(",", followers.getOrDefault(t, Set.of()))));
      ops.put(new ConfigResource(ConfigResource.Type.TOPIC, t), topicOps);
    }
    AdminCalls.get(
        admin.incrementalAlterConfigs(ops).all(), timeout, "set the replication throttle");
  }

  /** Removes every throttle this object set; safe to call more than once. */
  void remove() {
    if (brokers.isEmpty() && topics.isEmpty()) {
      return;
    }
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new HashMap<>();
    for (int b : brokers) {
      ops.put(
          new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
          List.of(delete(LEADER_RATE), delete(FOLLOWER_RATE)));
    }
    for (String t : topics) {
      ops.put(
          new ConfigResource(ConfigResource.Type.TOPIC, t),
          List.of(delete(LEADER_REPLICAS), delete(FOLLOWER_REPLICAS)));
    }
    AdminCalls.get(
        admin.incrementalAlterConfigs(ops).all(), timeout, "remove the replication throttle");
    brokers.clear();
    topics.clear();
  }

  /** Returns the brokers and topics throttled now, for messages. */
  String describe() {
    return "brokers "
        + brokers
        + ", topics "
        + topics.stream().collect(Collectors.joining(",", "[", "]"));
  }

  private static AlterConfigOp set(String key, String value) {
    return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
  }

  private static AlterConfigOp delete(String key) {
    return new AlterConfigOp(new ConfigEntry(key, null), AlterConfigOp.OpType.DELETE);
  }
}
