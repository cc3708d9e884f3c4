package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.ClusterDescription.Partition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Watches a topic's leadership until it is even again or a limit passes. With Ballast as the
 * balancer it asks for a preferred-leader election (again every few seconds while uneven); with an
 * external balancer it only watches.
 */
final class BalanceWatch {

  private static final long ELECT_EVERY_NANOS = 5_000_000_000L;

  private final TaskTopic topic;
  private final int partitions;
  private final boolean external;
  private final Duration limit;
  private Map<Integer, Integer> skewed;
  private Map<Integer, Integer> last = Map.of();
  private long skewNanos = -1;
  private long balancedNanos = -1;
  private long lastElectionNanos;
  private long endNanos = -1;
  private long startNanos = -1;

  BalanceWatch(TaskTopic topic, int partitions, boolean external, Duration limit) {
    this.topic = requireNonNull(topic, "topic");
    this.partitions = partitions;
    this.external = external;
    this.limit = requireNonNull(limit, "limit");
  }

  /** Looks once; returns true when leadership is even or the limit has passed. */
  boolean step(long now) {
    if (endNanos >= 0) {
      return true;
    }
    if (startNanos < 0) {
      startNanos = now;
    }
    Optional<List<Partition>> described = topic.describe();
    if (described.isPresent()) {
      last = Leadership.leadersPerBroker(described.get(), replicaHolders(described.get()));
      if (skewed == null) {
        skewed = last;
        skewNanos = now;
      }
      if (Leadership.balanced(last)) {
        balancedNanos = now;
        endNanos = now;
        return true;
      }
    }
    if (skewed != null && !external && now - lastElectionNanos >= ELECT_EVERY_NANOS) {
      topic.electPreferredLeaders(partitions);
      lastElectionNanos = now;
    }
    if (now - startNanos > limit.toNanos()) {
      endNanos = now;
      return true;
    }
    return false;
  }

  /** Returns what was seen; call after {@link #step} returned true. */
  Observed.Balance result() {
    return new Observed.Balance(
        external ? "external" : "ballast",
        skewed == null ? Map.of() : skewed,
        last,
        skewNanos,
        balancedNanos,
        endNanos);
  }

  private static TreeSet<Integer> replicaHolders(List<Partition> partitions) {
    TreeSet<Integer> brokers = new TreeSet<>();
    partitions.forEach(p -> brokers.addAll(p.replicas()));
    return brokers;
  }
}
