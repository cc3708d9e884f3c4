package dev.ballast.app.task.builtin;

import java.time.Duration;

/**
 * The {@code throughput} (soak) task's settings; null means the default.
 *
 * @param messagesPerSecond the target rate (default 2000; {@code --quick}: 500)
 * @param messageBytes each message's size (default 1024)
 * @param duration how long the load is judged (default 10m; {@code --quick}: 30s)
 * @param warmUp load before judging starts (default 30s; {@code --quick}: 5s)
 * @param window the judged window (default 10s)
 * @param tolerance how far a window's rate may be from the target, as a fraction (default 0.05)
 * @param p99Limit the highest produce p99 (from the intended send time) a window may have (default
 *     500ms)
 * @param partitions the topic's partitions (default 6)
 * @param replicationFactor the topic's replicas, at most the brokers (default 3)
 * @param drainTimeout how long consumers may take to read the rest after the load (default 60s)
 */
public record ThroughputConfig(
    Double messagesPerSecond,
    Integer messageBytes,
    Duration duration,
    Duration warmUp,
    Duration window,
    Double tolerance,
    Duration p99Limit,
    Integer partitions,
    Integer replicationFactor,
    Duration drainTimeout) {

  /** Applies defaults (the full-size ones; {@link #quick()} gives the quick ones) and validates. */
  public ThroughputConfig {
    if (messagesPerSecond != null && !(messagesPerSecond > 0)) {
      throw new IllegalArgumentException("messagesPerSecond must be > 0, got " + messagesPerSecond);
    }
    messageBytes = CatchUpReadConfig.positive("messageBytes", messageBytes, 1024);
    window = positive("window", window, Duration.ofSeconds(10));
    tolerance = tolerance == null ? 0.05 : tolerance;
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    p99Limit = positive("p99Limit", p99Limit, Duration.ofMillis(500));
    partitions = CatchUpReadConfig.positive("partitions", partitions, 6);
    replicationFactor = CatchUpReadConfig.positive("replicationFactor", replicationFactor, 3);
    drainTimeout = positive("drainTimeout", drainTimeout, Duration.ofSeconds(60));
    if (duration != null) {
      positive("duration", duration, duration);
    }
    if (warmUp != null && warmUp.isNegative()) {
      throw new IllegalArgumentException("warmUp must be >= 0, got " + warmUp);
    }
  }

  /** Returns the rate to run at. */
  double rate(boolean quick) {
    return messagesPerSecond != null ? messagesPerSecond : quick ? 500 : 2000;
  }

  /** Returns the judged duration. */
  Duration duration(boolean quick) {
    return duration != null ? duration : quick ? Duration.ofSeconds(30) : Duration.ofMinutes(10);
  }

  /** Returns the warm-up. */
  Duration warmUp(boolean quick) {
    return warmUp != null ? warmUp : quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
  }

  private static Duration positive(String field, Duration value, Duration dflt) {
    if (value == null) {
      return dflt;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
    return value;
  }
}
