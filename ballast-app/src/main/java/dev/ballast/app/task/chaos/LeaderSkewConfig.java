package dev.ballast.app.task.chaos;

import static dev.ballast.app.task.chaos.ChaosConfig.orDefault;

import java.time.Duration;

/**
 * The {@code leader-skew} task's settings; a null (absent) field takes its default.
 *
 * @param partitions partitions of the task's topic (default 6)
 * @param replicationFactor its replication factor (default 3)
 * @param broker the broker whose restart skews leadership; absent: the highest id
 * @param isrLimit the restarted broker back in every ISR within this (default 60s)
 * @param balanceLimit leadership even again within this of the skew (default 60s)
 */
public record LeaderSkewConfig(
    Integer partitions,
    Integer replicationFactor,
    Integer broker,
    Duration isrLimit,
    Duration balanceLimit) {

  /** Fills defaults and validates. */
  public LeaderSkewConfig {
    partitions = partitions == null ? 6 : partitions;
    replicationFactor = replicationFactor == null ? 3 : replicationFactor;
    isrLimit = orDefault(isrLimit, 60);
    balanceLimit = orDefault(balanceLimit, 60);
    if (replicationFactor < 2) {
      throw new IllegalArgumentException(
          "leader-skew needs replicationFactor >= 2 (leadership must have somewhere to go), got "
              + replicationFactor);
    }
    TopicLoad.validate(partitions, replicationFactor, 1, null, 0);
  }
}
