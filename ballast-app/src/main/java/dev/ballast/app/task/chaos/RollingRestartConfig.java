package dev.ballast.app.task.chaos;

import static dev.ballast.app.task.chaos.ChaosConfig.orDefault;
import static dev.ballast.app.task.chaos.ChaosConfig.pick;

import java.time.Duration;

/**
 * The {@code rolling-restart} task's settings; a null (absent) field takes its default.
 *
 * @param partitions partitions of the task's topic (default 6)
 * @param replicationFactor its replication factor (default 3)
 * @param minInsyncReplicas its {@code min.insync.replicas} (default 2)
 * @param messagesPerSecond the steady {@code acks=all} load (default 500; quick 200)
 * @param messageBytes bytes per message (default 512)
 * @param warmUp load before anything is measured (default 10s; quick 5s)
 * @param between pause after a broker is back in every ISR before the next stops (default 5s; quick
 *     2s)
 * @param isrLimit each broker back in every ISR within this of its stop (default 60s)
 * @param balanceLimit leadership even again within this after the last broker (default 60s)
 * @param drainLimit consumers read every acknowledged message within this (default 60s)
 * @param maxProduceErrors produce errors allowed over the run (default 0)
 * @param maxP99 produce p99 from the intended send time allowed over the run (default 5s)
 */
public record RollingRestartConfig(
    Integer partitions,
    Integer replicationFactor,
    Integer minInsyncReplicas,
    Double messagesPerSecond,
    Integer messageBytes,
    Duration warmUp,
    Duration between,
    Duration isrLimit,
    Duration balanceLimit,
    Duration drainLimit,
    Long maxProduceErrors,
    Duration maxP99) {

  /** Fills defaults and validates. */
  public RollingRestartConfig {
    partitions = partitions == null ? 6 : partitions;
    replicationFactor = replicationFactor == null ? 3 : replicationFactor;
    minInsyncReplicas = minInsyncReplicas == null ? 2 : minInsyncReplicas;
    messageBytes = messageBytes == null ? 512 : messageBytes;
    isrLimit = orDefault(isrLimit, 60);
    balanceLimit = orDefault(balanceLimit, 60);
    drainLimit = orDefault(drainLimit, 60);
    maxProduceErrors = maxProduceErrors == null ? 0L : maxProduceErrors;
    maxP99 = orDefault(maxP99, 5);
    TopicLoad.validate(
        partitions, replicationFactor, minInsyncReplicas, messagesPerSecond, messageBytes);
    if (maxProduceErrors < 0) {
      throw new IllegalArgumentException("maxProduceErrors must be >= 0, got " + maxProduceErrors);
    }
  }

  /**
   * Returns these settings with the rate and waits not given filled in: the full defaults, or with
   * {@code quick} the quick ones (a value given applies to both).
   */
  public RollingRestartConfig resolve(boolean quick) {
    return new RollingRestartConfig(
        partitions,
        replicationFactor,
        minInsyncReplicas,
        messagesPerSecond != null ? messagesPerSecond : quick ? 200.0 : 500.0,
        messageBytes,
        pick(warmUp, quick, 5, 10),
        pick(between, quick, 2, 5),
        isrLimit,
        balanceLimit,
        drainLimit,
        maxProduceErrors,
        maxP99);
  }
}
