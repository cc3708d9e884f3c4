package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.SlowBrokerTracker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.SnapshotReader;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.sample.SampleCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the cluster model the balancer plans on: the cluster as described now with the sampled
 * loads, the brokers the operator marked (drain, exclude, new), the brokers the canary finds slow,
 * and since when each dead broker has been dead.
 */
final class ModelReader {

  private final ClusterDescriber describer;
  private final SampleCollector collector;
  private final Predicate<String> topicFilter;
  private final SlowBrokerTracker slow;
  private final Map<Integer, BrokerState> operatorStates = new TreeMap<>();
  private final Map<Integer, Long> deadSince = new HashMap<>();

  ModelReader(
      ClusterDescriber describer,
      SampleCollector collector,
      Predicate<String> topicFilter,
      SlowBrokerTracker slow) {
    this.describer = requireNonNull(describer, "describer");
    this.collector = requireNonNull(collector, "collector");
    this.topicFilter = requireNonNull(topicFilter, "topicFilter");
    this.slow = requireNonNull(slow, "slow");
  }

  /** Returns the topics the balancer looks at: no internal ones, and only {@code only} if set. */
  static Predicate<String> topicFilter(Pattern only) {
    return t ->
        !t.startsWith("__")
            && !t.startsWith("_confluent")
            && !t.equals(CanaryProber.TOPIC)
            && (only == null || only.matcher(t).matches());
  }

  /** Marks {@code brokers} with the operator's {@code state} (it wins over a slow reading). */
  void mark(Set<Integer> brokers, BrokerState state) {
    brokers.forEach(b -> operatorStates.put(b, state));
  }

  /** Returns the cluster now with {@code loads}, and notes when each dead broker was first seen. */
  ClusterModel read(Map<TopicPartition, PartitionLoad> loads, long nowNanos) {
    ClusterDescription cluster = describer.describe(false);
    Map<Integer, BrokerState> states = new TreeMap<>();
    Set<Integer> known = new TreeSet<>();
    cluster.brokers().forEach(b -> known.add(b.id()));
    slow.slowBrokers().stream()
        .filter(known::contains)
        .forEach(b -> states.put(b, BrokerState.SLOW));
    operatorStates.forEach(
        (b, s) -> {
          if (known.contains(b)) {
            states.put(b, s);
          }
        });
    ClusterModel model =
        SnapshotReader.toModel(
            cluster,
            loads,
            states,
            topicFilter,
            ClusterDescriber.fullyCordoned(collector.logDirs()));
    model
        .brokers()
        .forEach(
            b -> {
              if (b.state() == BrokerState.DEAD) {
                deadSince.putIfAbsent(b.id(), nowNanos);
              } else {
                deadSince.remove(b.id());
              }
            });
    return model;
  }

  /** Returns how long each broker read as dead has been dead at {@code nowNanos}. */
  Map<Integer, Long> deadFor(long nowNanos) {
    Map<Integer, Long> deadFor = new HashMap<>();
    deadSince.forEach((b, since) -> deadFor.put(b, nowNanos - since));
    return deadFor;
  }
}
