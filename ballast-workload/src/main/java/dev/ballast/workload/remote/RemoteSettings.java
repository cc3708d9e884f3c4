package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How a controller runs remote workers: the run {@code epoch} (larger than any earlier run's: wall
 * clock milliseconds do), how often workers report and heartbeat, after how many missed heartbeats
 * a worker is suspected, how long a dead worker's replacement is awaited, how long a command may
 * take to be applied, and the connection settings of the cluster under test (kept out of the
 * control records: each worker connects with its own).
 */
public record RemoteSettings(
    long epoch,
    Duration reportInterval,
    Duration heartbeat,
    int missedBeats,
    Duration grace,
    Duration commandTimeout,
    Map<String, Object> connectionConfig) {

  /** Validates and copies. */
  public RemoteSettings {
    requireNonNull(reportInterval, "reportInterval");
    requireNonNull(heartbeat, "heartbeat");
    requireNonNull(grace, "grace");
    requireNonNull(commandTimeout, "commandTimeout");
    connectionConfig = Map.copyOf(connectionConfig);
    if (epoch <= 0 || missedBeats < 1 || reportInterval.isNegative() || reportInterval.isZero()) {
      throw new IllegalArgumentException("epoch, missed beats and report interval must be > 0");
    }
  }

  /**
   * Returns the defaults for run {@code epoch}: reports every second, heartbeats every second,
   * suspected after 3 missed, a replacement awaited 60 s, commands applied within 30 s.
   */
  public static RemoteSettings defaults(long epoch, Map<String, Object> connectionConfig) {
    return new RemoteSettings(
        epoch,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        3,
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        connectionConfig);
  }

  /** Returns these settings with {@code newGrace}. */
  public RemoteSettings withGrace(Duration newGrace) {
    return new RemoteSettings(
        epoch, reportInterval, heartbeat, missedBeats, newGrace, commandTimeout, connectionConfig);
  }
}
