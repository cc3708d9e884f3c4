package dev.ballast.app.scenario;

import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The cluster a scenario runs on: the embedded one it starts, or an external one it is pointed at
 * with {@code --bootstrap-server}, where brokers are added and stopped by the user's commands (or
 * by the user, when told).
 */
interface ScenarioCluster extends AutoCloseable {

  /** Returns how to connect, including the {@code --command-config} properties. */
  ClientSettings client();

  /** Returns the registered broker ids, in ascending order. */
  List<Integer> brokerIds();

  /** Adds a broker and returns its id once it is registered. */
  int addBroker();

  /** Stops broker {@code id} gracefully and returns once it has left the cluster. */
  void stopBroker(int id);

  /** Kills broker {@code id} and returns once it has left the cluster. */
  void killBroker(int id);

  /** Returns whether broker {@code id} has left the cluster. */
  boolean isDown(int id);

  /** Injects latency on the requests into broker {@code id}. */
  void setLatency(int id, Duration latency);

  /** Caps broker {@code id}'s network at {@code bytesPerSecond} each way. */
  void setBandwidth(int id, long bytesPerSecond);

  /** Returns whether the scenario started this cluster (and deletes it at the end). */
  boolean isEmbedded();

  /** Releases the cluster: stops an embedded one; leaves an external one running. */
  @Override
  void close();

  /** Returns the registered brokers as a set. */
  default Set<Integer> registeredBrokers() {
    return Set.copyOf(brokerIds());
  }
}
