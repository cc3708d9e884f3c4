package dev.ballast.core.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cluster at one moment: brokers sorted by id and partitions sorted by topic and number, with
 * every replica on a known broker. Immutable.
 */
public final class ClusterModel {

  private static final Comparator<Partition> PARTITION_ORDER =
      Comparator.comparing(Partition::topic).thenComparingInt(Partition::partition);

  private final List<Broker> brokers;
  private final List<Partition> partitions;
  private final int[] sortedIds;

  private ClusterModel(List<Broker> brokers, List<Partition> partitions) {
    this.brokers = brokers;
    this.partitions = partitions;
    this.sortedIds = brokers.stream().mapToInt(Broker::id).toArray();
  }

  /**
   * Returns a model of {@code brokers} and {@code partitions}, sorted, after checking that ids and
   * partition names are unique and that every replica sits on a listed broker.
   */
  public static ClusterModel of(List<Broker> brokers, List<Partition> partitions) {
    List<Broker> sortedBrokers = new ArrayList<>(requireNonNull(brokers, "brokers"));
    sortedBrokers.sort(Comparator.comparingInt(Broker::id));
    for (int i = 1; i < sortedBrokers.size(); i++) {
      if (sortedBrokers.get(i).id() == sortedBrokers.get(i - 1).id()) {
        throw new IllegalArgumentException(
            "broker " + sortedBrokers.get(i).id() + " is listed twice");
      }
    }
    List<Partition> sortedPartitions = new ArrayList<>(requireNonNull(partitions, "partitions"));
    sortedPartitions.sort(PARTITION_ORDER);
    ClusterModel model = new ClusterModel(List.copyOf(sortedBrokers), sortedPartitions);
    for (int i = 0; i < sortedPartitions.size(); i++) {
      Partition p = sortedPartitions.get(i);
      if (i > 0 && PARTITION_ORDER.compare(sortedPartitions.get(i - 1), p) == 0) {
        throw new IllegalArgumentException("partition " + p.name() + " is listed twice");
      }
      for (int replica : p.replicas()) {
        if (model.indexOf(replica) < 0) {
          throw new IllegalArgumentException(
              "partition "
                  + p.name()
                  + " has a replica on broker "
                  + replica
                  + ", which is not in the brokers list (brokers: "
                  + model.brokerIdsText()
                  + ")");
        }
      }
    }
    return new ClusterModel(
        model.brokers, java.util.Collections.unmodifiableList(sortedPartitions));
  }

  /** Returns the brokers, sorted by id. */
  public List<Broker> brokers() {
    return brokers;
  }

  /** Returns the partitions, sorted by topic and partition number. */
  public List<Partition> partitions() {
    return partitions;
  }

  /** Returns the position of broker {@code id} in {@link #brokers()}, or -1 when absent. */
  public int indexOf(int id) {
    int i = Arrays.binarySearch(sortedIds, id);
    return i < 0 ? -1 : i;
  }

  /** Returns whether broker {@code id} is in the model. */
  public boolean hasBroker(int id) {
    return indexOf(id) >= 0;
  }

  /** Returns the broker ids joined with commas, for error messages ("0,1,2"). */
  public String brokerIdsText() {
    return Arrays.stream(sortedIds).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  /** Returns a copy with broker {@code id} in {@code state}; the broker must exist. */
  public ClusterModel withBrokerState(int id, BrokerState state) {
    return withBrokerStates(Map.of(id, state));
  }

  /** Returns a copy with each broker named in {@code states} in the given state. */
  public ClusterModel withBrokerStates(Map<Integer, BrokerState> states) {
    for (int id : states.keySet()) {
      if (!hasBroker(id)) {
        throw new IllegalArgumentException(
            "broker " + id + " is not in the cluster (brokers: " + brokerIdsText() + ")");
      }
    }
    List<Broker> changed = new ArrayList<>(brokers.size());
    for (Broker b : brokers) {
      BrokerState s = states.get(b.id());
      changed.add(s == null ? b : b.withState(s));
    }
    return new ClusterModel(List.copyOf(changed), partitions);
  }

  /** Returns a copy with {@code newPartitions}, which must be in the same order as these. */
  ClusterModel withPartitions(List<Partition> newPartitions) {
    return new ClusterModel(brokers, java.util.Collections.unmodifiableList(newPartitions));
  }

  /**
   * Returns a copy where partition {@code index} (its position in {@link #partitions()}) has been
   * replaced by each entry of {@code replaced}; replica placement is not re-validated.
   */
  public ClusterModel withReplaced(Map<Integer, Partition> replaced) {
    List<Partition> copy = new ArrayList<>(partitions);
    replaced.forEach(copy::set);
    return withPartitions(copy);
  }

  /** Returns the total number of replicas. */
  public long replicaCount() {
    long n = 0;
    for (Partition p : partitions) {
      n += p.replicas().size();
    }
    return n;
  }
}
