package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.embedded.BrokerInfo;
import dev.ballast.embedded.EmbeddedClusterException;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An embedded cluster as tasks see it: every fault is real (child JVMs killed and restarted, the
 * fault proxy's latency and bandwidth caps). The marathon's cluster is closed by the marathon, not
 * by tasks; a demo scenario's own cluster is {@link #owning owned} and stopped by {@link #close()}.
 */
public final class EmbeddedTaskCluster implements TaskCluster {

  private final EmbeddedKafkaCluster cluster;
  private final boolean owned;

  /** Wraps {@code cluster}, which its starter closes. */
  public EmbeddedTaskCluster(EmbeddedKafkaCluster cluster) {
    this(cluster, false);
  }

  private EmbeddedTaskCluster(EmbeddedKafkaCluster cluster, boolean owned) {
    this.cluster = requireNonNull(cluster, "cluster");
    this.owned = owned;
  }

  /** Wraps {@code cluster} and owns it: {@link #close()} stops it and deletes its data. */
  public static EmbeddedTaskCluster owning(EmbeddedKafkaCluster cluster) {
    return new EmbeddedTaskCluster(cluster, true);
  }

  /** Stops the cluster when this handle owns it; otherwise nothing. */
  @Override
  public void close() {
    if (owned) {
      cluster.close();
    }
  }

  /** Returns the embedded cluster itself (for a task that needs more than this interface). */
  public EmbeddedKafkaCluster embedded() {
    return cluster;
  }

  @Override
  public ClientSettings client() {
    return ClientSettings.of(cluster.bootstrapServers());
  }

  @Override
  public List<Integer> brokerIds() {
    return cluster.brokers().stream().map(BrokerInfo::id).sorted().toList();
  }

  @Override
  public Set<Integer> registeredBrokers() {
    return cluster.registeredBrokers();
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  @Override
  public boolean canKillBrokers() {
    return true;
  }

  @Override
  public void killBroker(int id) {
    embedded(
        "kill broker " + id,
        () -> {
          cluster.killBroker(id);
          return null;
        });
  }

  @Override
  public void stopBroker(int id) {
    embedded(
        "stop broker " + id,
        () -> {
          cluster.stopBroker(id);
          return null;
        });
  }

  @Override
  public void restartBroker(int id) {
    embedded(
        "restart broker " + id,
        () -> {
          cluster.restartBroker(id);
          return null;
        });
  }

  @Override
  public int addBroker() {
    return embedded("add a broker", cluster::addBroker);
  }

  @Override
  public boolean isDown(int id) {
    return cluster.downBrokers().contains(id);
  }

  @Override
  public void setLatency(int id, Duration latency) {
    cluster.setLatency(id, latency);
  }

  @Override
  public void setBandwidth(int id, long bytesPerSecond) {
    cluster.setBandwidth(id, bytesPerSecond);
  }

  /** Runs {@code action}; the embedded cluster's own failures are the infrastructure's. */
  private static <T> T embedded(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (EmbeddedClusterException e) {
      throw new InfrastructureException(
          "the embedded cluster could not " + what + ": " + e.getMessage(), e);
    }
  }
}
