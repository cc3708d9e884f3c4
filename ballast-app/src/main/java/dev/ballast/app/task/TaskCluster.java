package dev.ballast.app.task;

import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The cluster under test, the same for every task of a marathon: the embedded one the marathon
 * started (kept for the whole marathon), or an external one ({@code --bootstrap-server}) where
 * brokers are killed and restarted by the user's {@code --kill-broker-cmd} and {@code
 * --restart-broker-cmd}.
 *
 * <p>Fault methods block until the change is done (a killed broker's process is gone, or, external,
 * it has left the cluster's metadata; a restarted one is registered) for at most a few minutes, and
 * must return promptly with an {@link InterruptedException}-caused {@link InfrastructureException}
 * when the calling thread is interrupted. A fault that cannot be done here (no command given,
 * latency on an external cluster) throws {@link InfrastructureException}: the run is INCONCLUSIVE,
 * never FAIL.
 */
public interface TaskCluster extends AutoCloseable {

  /** Returns how clients connect, including the {@code --command-config} properties. */
  ClientSettings client();

  /** Returns the ids of the brokers registered now, ascending. */
  List<Integer> brokerIds();

  /** Returns the registered brokers as a set. */
  default Set<Integer> registeredBrokers() {
    return Set.copyOf(brokerIds());
  }

  /**
   * Returns whether the marathon started this cluster (so brokers can be added, slowed, capped).
   */
  boolean isEmbedded();

  /** Returns whether {@link #killBroker} and {@link #restartBroker} can work here. */
  boolean canKillBrokers();

  /** Kills broker {@code id} (SIGKILL, no controlled shutdown); returns once it is down. */
  void killBroker(int id);

  /** Stops broker {@code id} with a controlled shutdown; returns once it is down. */
  void stopBroker(int id);

  /** Starts broker {@code id} again after a kill or stop; returns once it is registered. */
  void restartBroker(int id);

  /** Adds a broker (embedded only) and returns its id once it is registered. */
  int addBroker();

  /** Returns whether broker {@code id} is down (killed or stopped, not restarted). */
  boolean isDown(int id);

  /** Injects {@code latency} on every request into broker {@code id} (embedded only; 0 undoes). */
  void setLatency(int id, Duration latency);

  /**
   * Caps broker {@code id}'s network at {@code bytesPerSecond} each way (embedded only; 0 undoes).
   */
  void setBandwidth(int id, long bytesPerSecond);

  /**
   * Releases what this handle holds: an embedded cluster it owns is stopped and its data deleted,
   * the connection to an external one is closed (the cluster stays up). Nothing by default.
   */
  @Override
  default void close() {}
}
