package dev.ballast.app.task.builtin;

import java.time.Duration;

/**
 * The {@code catch-up-read} task's settings; null means the default.
 *
 * @param backlogMiB the backlog to build while no one reads (default 1024; {@code --quick}: {@code
 *     quickBacklogMiB})
 * @param quickBacklogMiB the backlog with {@code --quick} (default 100)
 * @param deadline how long the fresh group may take to read it all (default 5m, the seed's)
 * @param partitions the topic's partitions (default 6)
 * @param replicationFactor the topic's replicas, at most the brokers (default 3)
 * @param messageBytes each message's size (default 1024)
 * @param consumers the fresh group's consumers (default 1)
 */
public record CatchUpReadConfig(
    Integer backlogMiB,
    Integer quickBacklogMiB,
    Duration deadline,
    Integer partitions,
    Integer replicationFactor,
    Integer messageBytes,
    Integer consumers) {

  /** Applies defaults and validates. */
  public CatchUpReadConfig {
    backlogMiB = positive("backlogMiB", backlogMiB, 1024);
    quickBacklogMiB = positive("quickBacklogMiB", quickBacklogMiB, 100);
    deadline = deadline == null ? Duration.ofMinutes(5) : deadline;
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be > 0, got " + deadline);
    }
    partitions = positive("partitions", partitions, 6);
    replicationFactor = positive("replicationFactor", replicationFactor, 3);
    messageBytes = positive("messageBytes", messageBytes, 1024);
    if (messageBytes < 64) {
      throw new IllegalArgumentException(
          "messageBytes must be >= 64 (room for Ballast's stamp), got " + messageBytes);
    }
    consumers = positive("consumers", consumers, 1);
  }

  /** Returns the defaults. */
  public static CatchUpReadConfig defaults() {
    return new CatchUpReadConfig(null, null, null, null, null, null, null);
  }

  static int positive(String field, Integer value, int dflt) {
    if (value == null) {
      return dflt;
    }
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
    return value;
  }
}
