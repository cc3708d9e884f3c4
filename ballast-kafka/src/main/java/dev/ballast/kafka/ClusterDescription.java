package dev.ballast.kafka;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cluster looks like now: its brokers and the placement of every topic's partitions.
 *
 * @param clusterId the cluster id, or null when the cluster does not say
 * @param controllerId the active controller's id as clients see it, or -1
 * @param brokers every broker, fenced ones included, by id
 * @param topics every topic with its partitions, by name
 */
public record ClusterDescription(
    String clusterId, int controllerId, List<Broker> brokers, Map<String, List<Partition>> topics) {

  /** Copies the collections. */
  public ClusterDescription {
    brokers = List.copyOf(brokers);
    topics = java.util.Collections.unmodifiableMap(new TreeMap<>(topics));
  }

  /**
   * A broker.
   *
   * @param id node id
   * @param host advertised host
   * @param port advertised port
   * @param rack rack, or null
   * @param fenced whether the controller has fenced it
   */
  public record Broker(int id, String host, int port, String rack, boolean fenced) {}

  /**
   * A partition's placement.
   *
   * @param partition partition number
   * @param leader leader's id, or -1 when offline
   * @param replicas replica ids, preferred leader first
   * @param isr in-sync replica ids
   */
  public record Partition(int partition, int leader, List<Integer> replicas, List<Integer> isr) {

    /** Copies the lists. */
    public Partition {
      replicas = List.copyOf(replicas);
      isr = List.copyOf(isr);
    }
  }

  /** Returns the number of replicas each broker holds, for every broker (zero included). */
  public Map<Integer, Integer> replicasPerBroker() {
    Map<Integer, Integer> counts = zeroPerBroker();
    topics
        .values()
        .forEach(
            ps -> ps.forEach(p -> p.replicas().forEach(b -> counts.merge(b, 1, Integer::sum))));
    return counts;
  }

  /** Returns the number of partitions each broker leads, for every broker (zero included). */
  public Map<Integer, Integer> leadersPerBroker() {
    Map<Integer, Integer> counts = zeroPerBroker();
    topics
        .values()
        .forEach(
            ps ->
                ps.stream()
                    .filter(p -> p.leader() >= 0)
                    .forEach(p -> counts.merge(p.leader(), 1, Integer::sum)));
    return counts;
  }

  private Map<Integer, Integer> zeroPerBroker() {
    Map<Integer, Integer> counts = new TreeMap<>();
    brokers.forEach(b -> counts.put(b.id(), 0));
    return counts;
  }
}
