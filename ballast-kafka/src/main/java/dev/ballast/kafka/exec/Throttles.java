package dev.ballast.kafka.exec;

import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The replication throttle of an execution, set as {@code kafka-reassign-partitions.sh --throttle}
 * does: a rate on every broker involved, and the moving replicas listed on their topics (leaders
 * for the current replicas, followers for the added ones). What it sets, and the dynamic value each
 * key held before, is journaled before it is set; {@link #remove()} restores those values, but only
 * where the value is still the one Ballast set (a change by someone else is left alone).
 */
final class Throttles {

  static final String LEADER_RATE = "leader.replication.throttled.rate";
  static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
  static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
  static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";

  private final Admin admin;
  private final Duration timeout;
  private final ExecutionJournal journal;
  private final Map<ConfigResource, JournaledThrottle> owned = new LinkedHashMap<>();

  Throttles(Admin admin, Duration timeout, ExecutionJournal journal) {
    this.admin = admin;
    this.timeout = timeout;
    this.journal = journal;
  }

  /**
   * Throttles the moves of {@code moves} (target) from {@code current} replicas at {@code rate}:
   * journals what it sets, then sets it.
   */
  void apply(
      Collection<Reassignment> moves, Map<String, Map<Integer, List<Integer>>> current, long rate) {
    if (rate <= 0 || moves.isEmpty()) {
      return;
    }
    Map<ConfigResource, Map<String, String>> wanted = calculateThrottle(moves, current, rate);
    Map<ConfigResource, Map<String, String>> before = dynamicValues(wanted.keySet());
    List<JournaledThrottle> entries = new ArrayList<>();
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
    wanted.forEach(
        (r, values) -> {
          Map<String, String> previous = before.getOrDefault(r, Map.of());
          Map<String, String> set = new TreeMap<>(values);
          // A topic throttled wholly ("*") by its operator covers our replicas already.
          set.keySet().removeIf(k -> "*".equals(previous.get(k)));
          if (set.isEmpty()) {
            return;
          }
          Map<String, String> kept = new TreeMap<>(previous);
          JournaledThrottle left = journal.state().throttles().get(r);
          if (left != null) {
            // An earlier run's throttle is still here: what was there before it is the original.
            left.set().keySet().forEach(kept::remove);
            kept.putAll(left.previous());
          }
          kept.keySet().retainAll(set.keySet());
          entries.add(new JournaledThrottle(r, set, kept));
          ops.put(r, set.entrySet().stream().map(e -> set(e.getKey(), e.getValue())).toList());
        });
    journal.recordThrottles(entries);
    entries.forEach(t -> owned.put(t.resource(), t));
    AdminCalls.get(
        admin.incrementalAlterConfigs(ops).all(), timeout, "set the replication throttle");
  }

  /**
   * Changes the rate of every broker throttle this object owns to {@code rate} (the latency guard's
   * pace): journals the new value (keeping the old one as Ballast's too) before it is set; a rate
   * someone else changed meanwhile is left alone. Returns what a user should know.
   */
  List<String> changeRate(long rate) {
    Map<ConfigResource, JournaledThrottle> brokers = new LinkedHashMap<>();
    owned.forEach(
        (r, t) -> {
          if (r.type() == ConfigResource.Type.BROKER) {
            brokers.put(r, t);
          }
        });
    if (brokers.isEmpty()) {
      return List.of();
    }
    List<String> notes = new ArrayList<>();
    Map<ConfigResource, Map<String, String>> now = dynamicValues(brokers.keySet());
    List<JournaledThrottle> entries = new ArrayList<>();
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
    brokers.forEach(
        (r, t) -> {
          JournaledThrottle changed =
              calculateRateChange(t, now.getOrDefault(r, Map.of()), rate, notes);
          if (changed != t) {
            entries.add(changed);
            ops.put(
                r,
                List.of(
                    set(LEADER_RATE, Long.toString(rate)),
                    set(FOLLOWER_RATE, Long.toString(rate))));
          }
        });
    if (entries.isEmpty()) {
      return notes;
    }
    journal.recordThrottles(entries);
    entries.forEach(t -> owned.put(t.resource(), t));
    AdminCalls.get(
        admin.incrementalAlterConfigs(ops).all(), timeout, "change the replication throttle");
    return notes;
  }

  /**
   * Returns {@code t} with both rates at {@code rate} and the rates it held as earlier values, or
   * {@code t} itself when a rate holds something Ballast did not set (noted) or is at {@code rate}
   * already. Pure.
   */
  static JournaledThrottle calculateRateChange(
      JournaledThrottle t, Map<String, String> now, long rate, List<String> notes) {
    String wanted = Long.toString(rate);
    boolean same = true;
    for (String key : List.of(LEADER_RATE, FOLLOWER_RATE)) {
      String ours = t.set().get(key);
      if (ours == null || !sameValue(now.get(key), ours)) {
        notes.add(
            t.describe()
                + " "
                + key
                + " is "
                + now.get(key)
                + ", not what Ballast set: the latency guard leaves it as is");
        return t;
      }
      same &= ours.equals(wanted);
    }
    if (same) {
      return t;
    }
    Map<String, String> set = new TreeMap<>(t.set());
    Map<String, String> earlier = new TreeMap<>(t.earlier());
    for (String key : List.of(LEADER_RATE, FOLLOWER_RATE)) {
      earlier.put(key, set.get(key));
      set.put(key, wanted);
    }
    return new JournaledThrottle(t.resource(), set, t.previous(), earlier);
  }

  /** Takes over throttles a previous run set and journaled, so {@link #remove()} removes them. */
  void adopt(Collection<JournaledThrottle> throttles) {
    throttles.forEach(t -> owned.put(t.resource(), t));
  }

  /** Returns whether this object owns a throttle still to remove. */
  boolean isSet() {
    return !owned.isEmpty();
  }

  /**
   * Removes every throttle this object owns, restoring what each key held before, and forgets them
   * in the journal; safe to call more than once. A broker that is down keeps its entry (the next
   * reconciliation removes it). Returns what a user should know.
   */
  List<String> remove() {
    if (owned.isEmpty()) {
      return List.of();
    }
    List<String> notes = new ArrayList<>();
    Set<String> alive = aliveBrokers();
    Map<ConfigResource, JournaledThrottle> reachable = new LinkedHashMap<>();
    owned.forEach(
        (r, t) -> {
          if (r.type() != ConfigResource.Type.BROKER || alive.contains(r.name())) {
            reachable.put(r, t);
          } else {
            notes.add(
                t.describe()
                    + " is down: its throttle stays journaled and is removed when it is back");
          }
        });
    Map<ConfigResource, Map<String, String>> now = dynamicValues(reachable.keySet());
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
    reachable.forEach(
        (r, t) -> {
          List<AlterConfigOp> restore = calculateRestore(t, now.getOrDefault(r, Map.of()), notes);
          if (!restore.isEmpty()) {
            ops.put(r, restore);
          }
        });
    if (!ops.isEmpty()) {
      AdminCalls.get(
          admin.incrementalAlterConfigs(ops).all(), timeout, "remove the replication throttle");
    }
    journal.clearThrottles(reachable.keySet());
    reachable.keySet().forEach(owned::remove);
    return notes;
  }

  /** Returns brokers and topics throttled by this object, for messages. */
  String describe() {
    return owned.values().stream()
        .map(JournaledThrottle::describe)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Returns the operations that restore {@code t}'s keys where they still hold what Ballast set,
   * given the dynamic values {@code now}; notes a key someone else changed (left alone). Pure.
   */
  static List<AlterConfigOp> calculateRestore(
      JournaledThrottle t, Map<String, String> now, List<String> notes) {
    List<AlterConfigOp> ops = new ArrayList<>();
    new TreeMap<>(t.set())
        .forEach(
            (key, ours) -> {
              String current = now.get(key);
              if (sameValue(current, ours)
                  || (current != null && sameValue(current, t.earlier().get(key)))) {
                String previous = t.previous().get(key);
                ops.add(previous == null ? delete(key) : set(key, previous));
              } else if (current != null) {
                notes.add(
                    t.describe()
                        + " "
                        + key
                        + " is "
                        + current
                        + ", not what Ballast set: changed by someone else, left as is");
              }
            });
    return ops;
  }

  /** Returns the configs that throttle {@code moves}, by broker and topic. Pure. */
  static Map<ConfigResource, Map<String, String>> calculateThrottle(
      Collection<Reassignment> moves, Map<String, Map<Integer, List<Integer>>> current, long rate) {
    Set<Integer> brokers = new TreeSet<>();
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
    Map<ConfigResource, Map<String, String>> out = new LinkedHashMap<>();
    for (int b : brokers) {
      out.put(
          new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)),
          Map.of(LEADER_RATE, Long.toString(rate), FOLLOWER_RATE, Long.toString(rate)));
    }
    Set<String> topics = new TreeSet<>(leaders.keySet());
    topics.addAll(followers.keySet());
    for (String t : topics) {
      out.put(
          new ConfigResource(ConfigResource.Type.TOPIC, t),
          Map.of(
              LEADER_REPLICAS, String.join(",", leaders.getOrDefault(t, Set.of())),
              FOLLOWER_REPLICAS, String.join(",", followers.getOrDefault(t, Set.of()))));
    }
    return out;
  }

  private Map<ConfigResource, Map<String, String>> dynamicValues(Set<ConfigResource> resources) {
    return ThrottleConfigs.dynamic(admin, resources, timeout);
  }

  private Set<String> aliveBrokers() {
    Set<String> alive = new HashSet<>();
    AdminCalls.get(admin.describeCluster().nodes(), timeout, "describe the cluster").stream()
        .map(Node::idString)
        .forEach(alive::add);
    return alive;
  }

  /** Returns whether two config values are equal as lists ({@code 0:1, 1:2} is {@code 0:1,1:2}). */
  static boolean sameValue(String a, String b) {
    if (a == null || b == null) {
      return Objects.equals(a, b);
    }
    return items(a).equals(items(b));
  }

  private static Set<String> items(String value) {
    Set<String> out = new TreeSet<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        out.add(item.trim());
      }
    }
    return out;
  }

  private static AlterConfigOp set(String key, String value) {
    return new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET);
  }

  private static AlterConfigOp delete(String key) {
    return new AlterConfigOp(new ConfigEntry(key, null), AlterConfigOp.OpType.DELETE);
  }
}
