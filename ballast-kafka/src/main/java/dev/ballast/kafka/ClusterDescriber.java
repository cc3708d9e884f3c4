package dev.ballast.kafka;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.access.Refusals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/** Reads a cluster's brokers and partition placement through the Admin API. */
public final class ClusterDescriber {

  private final Admin admin;
  private final Duration timeout;
  private final String address;

  /** Creates a describer over {@code admin}, giving every call {@code timeout}. */
  public ClusterDescriber(Admin admin, Duration timeout, String address) {
    this.admin = requireNonNull(admin, "admin");
    this.timeout = requireNonNull(timeout, "timeout");
    this.address = requireNonNull(address, "address");
  }

  /**
   * Returns the cluster's brokers (fenced included) and every topic's placement.
   *
   * @throws ClusterUnreachableException when the cluster does not answer within the timeout
   */
  public ClusterDescription describe(boolean includeInternalTopics) {
    int ms = (int) timeout.toMillis();
    DescribeClusterResult cluster =
        admin.describeCluster(
            new DescribeClusterOptions().timeoutMs(ms).includeFencedBrokers(true));
    Collection<Node> nodes = get(cluster.nodes(), "describe the cluster");
    Node controller = get(cluster.controller(), "find the controller");
    String clusterId = get(cluster.clusterId(), "read the cluster id");
    Set<String> names =
        get(
            admin
                .listTopics(
                    new ListTopicsOptions().listInternal(includeInternalTopics).timeoutMs(ms))
                .names(),
            "list topics");
    Map<String, TopicDescription> topics =
        names.isEmpty()
            ? Map.of()
            : get(
                admin
                    .describeTopics(names, new DescribeTopicsOptions().timeoutMs(ms))
                    .allTopicNames(),
                "describe topics");

    List<ClusterDescription.Broker> brokers = new ArrayList<>();
    nodes.stream()
        .sorted(Comparator.comparingInt(Node::id))
        .forEach(
            n ->
                brokers.add(
                    new ClusterDescription.Broker(
                        n.id(), n.host(), n.port(), n.rack(), n.isFenced())));
    Map<String, List<ClusterDescription.Partition>> placement = new TreeMap<>();
    topics.forEach(
        (name, d) -> {
          List<ClusterDescription.Partition> parts = new ArrayList<>();
          for (TopicPartitionInfo p : d.partitions()) {
            parts.add(
                new ClusterDescription.Partition(
                    p.partition(),
                    p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(),
                    p.replicas().stream().map(Node::id).toList(),
                    p.isr().stream().map(Node::id).toList()));
          }
          parts.sort(Comparator.comparingInt(ClusterDescription.Partition::partition));
          placement.put(name, parts);
        });
    return new ClusterDescription(
        clusterId, controller == null ? -1 : controller.id(), brokers, placement);
  }

  /**
   * Returns the log dirs of each of {@code brokerIds} that answers DescribeLogDirs, with those
   * cordoned (KIP-1066); a broker that does not answer, or whose log dirs the principal may not
   * describe, is left out.
   */
  public Map<Integer, LogDirs> logDirs(Collection<Integer> brokerIds) {
    Map<Integer, LogDirs> out = new TreeMap<>();
    var described = admin.describeLogDirs(brokerIds).descriptions();
    for (int id : brokerIds) {
      try {
        out.put(id, LogDirs.of(get(described.get(id), "describe the log dirs of broker " + id)));
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        // A fenced or stopping broker does not answer (it receives nothing anyway), or the
        // principal may not describe log dirs: no cordoning is known for it.
      }
    }
    return out;
  }

  /** Returns the ids of the brokers of {@code logDirs} whose every log dir is cordoned. */
  public static Set<Integer> fullyCordoned(Map<Integer, LogDirs> logDirs) {
    Set<Integer> ids = new java.util.TreeSet<>();
    logDirs.forEach(
        (id, d) -> {
          if (d.allCordoned()) {
            ids.add(id);
          }
        });
    return ids;
  }

  private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    try {
      return future.get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unreachable(what, cause);
      }
      Refusals.throwIfDenied(what, cause);
      throw new IllegalStateException(
          "cannot " + what + " at " + address + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw unreachable(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trying to " + what, e);
    }
  }

  private ClusterUnreachableException unreachable(String what, Throwable cause) {
    return new ClusterUnreachableException(
        "no Kafka cluster answered at "
            + address
            + " within "
            + timeout.toSeconds()
            + " s (could not "
            + what
            + "); check --bootstrap-server, that the cluster runs, and --command-config for TLS/SASL",
        cause);
  }
}
