package dev.ballast.kafka;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns what the Admin API says about a cluster into the planner's {@link ClusterModel}: fenced
 * brokers (KIP-1073's {@code includeFencedBrokers}) and brokers that hold replicas but are no
 * longer registered become dead, and receive nothing; brokers with every log dir cordoned
 * (KIP-1066) are excluded; offline partitions keep leader -1; load comes from the sampler.
 */
public final class SnapshotReader {

  private SnapshotReader() {}

  /**
   * Returns the model of {@code cluster} with {@code loads} (partitions without one carry zero
   * load) and {@code states} overriding the state of the brokers they name (draining, slow,
   * excluded).
   *
   * @throws IllegalArgumentException when {@code states} names a broker the cluster does not have
   */
  public static ClusterModel toModel(
      ClusterDescription cluster,
      Map<TopicPartition, PartitionLoad> loads,
      Map<Integer, BrokerState> states,
      Predicate<String> topicFilter) {
    return toModel(cluster, loads, states, topicFilter, Set.of());
  }

  /**
   * Returns the model as above, where a broker in {@code fullyCordoned} (every log dir cordoned,
   * KIP-1066) is excluded: it receives nothing and keeps what it holds, unless {@code states} says
   * otherwise (a drain) or it is fenced (dead).
   */
  public static ClusterModel toModel(
      ClusterDescription cluster,
      Map<TopicPartition, PartitionLoad> loads,
      Map<Integer, BrokerState> states,
      Predicate<String> topicFilter,
      Set<Integer> fullyCordoned) {
    requireNonNull(cluster, "cluster");
    requireNonNull(fullyCordoned, "fullyCordoned");
    Map<Integer, Broker> brokers = new TreeMap<>();
    for (ClusterDescription.Broker b : cluster.brokers()) {
      brokers.put(
          b.id(),
          new Broker(
              b.id(),
              b.rack(),
              b.fenced()
                  ? BrokerState.DEAD
                  : fullyCordoned.contains(b.id()) ? BrokerState.EXCLUDED : BrokerState.ALIVE,
              null));
    }
    List<Partition> partitions = new ArrayList<>();
    cluster
        .topics()
        .forEach(
            (topic, parts) -> {
              if (!topicFilter.test(topic)) {
                return;
              }
              for (ClusterDescription.Partition p : parts) {
                for (int r : p.replicas()) {
                  // A replica on a broker that is gone from the cluster's registry: that broker is
                  // dead.
                  brokers.computeIfAbsent(r, id -> new Broker(id, null, BrokerState.DEAD, null));
                }
                PartitionLoad load =
                    loads.getOrDefault(
                        new TopicPartition(topic, p.partition()), PartitionLoad.ZERO);
                List<Integer> isr = p.isr().stream().filter(p.replicas()::contains).toList();
                int leader = p.replicas().contains(p.leader()) ? p.leader() : -1;
                partitions.add(
                    new Partition(topic, p.partition(), p.replicas(), leader, isr, load));
              }
            });
    for (Map.Entry<Integer, BrokerState> e : states.entrySet()) {
      Broker b = brokers.get(e.getKey());
      if (b == null) {
        throw new IllegalArgumentException(
            "broker " + e.getKey() + " is not in the cluster (brokers: " + ids(brokers) + ")");
      }
      // A dead broker stays dead whatever the operator asked: nothing can be led from it.
      if (b.state() != BrokerState.DEAD) {
        brokers.put(b.id(), b.withState(e.getValue()));
      }
    }
    return ClusterModel.of(new ArrayList<>(brokers.values()), partitions);
  }

  private static String ids(Map<Integer, Broker> brokers) {
    return String.join(",", brokers.keySet().stream().map(String::valueOf).toList());
  }
}
