package dev.ballast.app.task.chaos;

import java.time.Duration;

/**
 * The {@code chaos} task's settings; a null (absent) field takes its default.
 *
 * @param partitions partitions of the task's topic (default 6)
 * @param replicationFactor its replication factor (default 3)
 * @param minInsyncReplicas its {@code min.insync.replicas} (default 2)
 * @param messagesPerSecond the steady {@code acks=all} load (default 500; quick 200)
 * @param messageBytes bytes per message (default 512)
 * @param warmUp load before anything is measured (default 10s; quick 5s)
 * @param beforeKill steady load measured before the kill (default 10s; quick 5s)
 * @param downFor how long the killed broker stays down (default 30s; quick 10s)
 * @param broker the broker to kill; absent: the one leading most of the topic's partitions
 * @param leaderLimit every partition led by a live broker within this (default 60s, the seed's)
 * @param throughputFraction the share of the target rate that counts as recovered (default 0.9)
 * @param throughputLimit throughput recovered within this of the kill (default 60s)
 * @param isrLimit the restarted broker back in every ISR within this (default 60s)
 * @param balanceLimit leadership even again within this of the restart (default 60s)
 * @param drainLimit consumers read every acknowledged message within this (default 60s)
 */
public record ChaosConfig(
    Integer partitions,
    Integer replicationFactor,
    Integer minInsyncReplicas,
    Double messagesPerSecond,
    Integer messageBytes,
    Duration warmUp,
    Duration beforeKill,
    Duration downFor,
    Integer broker,
    Duration leaderLimit,
    Double throughputFraction,
    Duration throughputLimit,
    Duration isrLimit,
    Duration balanceLimit,
    Duration drainLimit) {

  /** Fills defaults and validates. */
  public ChaosConfig {
    partitions = partitions == null ? 6 : partitions;
    replicationFactor = replicationFactor == null ? 3 : replicationFactor;
    minInsyncReplicas = minInsyncReplicas == null ? 2 : minInsyncReplicas;
    messageBytes = messageBytes == null ? 512 : messageBytes;
    leaderLimit = orDefault(leaderLimit, 60);
    throughputFraction = throughputFraction == null ? 0.9 : throughputFraction;
    throughputLimit = orDefault(throughputLimit, 60);
    isrLimit = orDefault(isrLimit, 60);
    balanceLimit = orDefault(balanceLimit, 60);
    drainLimit = orDefault(drainLimit, 60);
    TopicLoad.validate(
        partitions, replicationFactor, minInsyncReplicas, messagesPerSecond, messageBytes);
    if (!(throughputFraction > 0 && throughputFraction <= 1)) {
      throw new IllegalArgumentException(
          "throughputFraction must be in (0, 1], got " + throughputFraction);
    }
  }

  /**
   * Returns these settings with the rate and waits not given filled in: the full defaults, or with
   * {@code quick} the quick ones (a value given applies to both).
   */
  public ChaosConfig resolve(boolean quick) {
    return new ChaosConfig(
        partitions,
        replicationFactor,
        minInsyncReplicas,
        messagesPerSecond != null ? messagesPerSecond : quick ? 200.0 : 500.0,
        messageBytes,
        pick(warmUp, quick, 5, 10),
        pick(beforeKill, quick, 5, 10),
        pick(downFor, quick, 10, 30),
        broker,
        leaderLimit,
        throughputFraction,
        throughputLimit,
        isrLimit,
        balanceLimit,
        drainLimit);
  }

  static Duration orDefault(Duration d, int seconds) {
    return d == null ? Duration.ofSeconds(seconds) : d;
  }

  /** Returns {@code d}, or when null {@code quickSeconds} or {@code fullSeconds}. */
  static Duration pick(Duration d, boolean quick, int quickSeconds, int fullSeconds) {
    return d != null ? d : Duration.ofSeconds(quick ? quickSeconds : fullSeconds);
  }
}
