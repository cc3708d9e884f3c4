package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.embedded.BrokerInfo;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A scenario's own embedded cluster: every trigger is real (child JVMs, the fault proxy). */
final class EmbeddedScenarioCluster implements ScenarioCluster {

  private final EmbeddedKafkaCluster cluster;

  EmbeddedScenarioCluster(EmbeddedKafkaCluster cluster) {
    this.cluster = requireNonNull(cluster, "cluster");
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
  public int addBroker() {
    return cluster.addBroker();
  }

  @Override
  public void stopBroker(int id) {
    cluster.stopBroker(id);
  }

  @Override
  public void killBroker(int id) {
    cluster.killBroker(id);
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

  @Override
  public Set<Integer> registeredBrokers() {
    return cluster.registeredBrokers();
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
