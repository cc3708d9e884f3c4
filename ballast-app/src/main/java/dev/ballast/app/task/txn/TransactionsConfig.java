package dev.ballast.app.task.txn;

import java.time.Duration;
import java.util.Set;

/**
 * The {@code transactions} task's settings; a null (absent) field takes its default.
 *
 * @param partitions partitions of the task's topic (default 3)
 * @param replicationFactor its replication factor (default 3)
 * @param minInsyncReplicas its {@code min.insync.replicas} (default 2)
 * @param producers transactional producers (default 2)
 * @param transactionsPerSecond transactions per second of each producer (default 10)
 * @param recordsPerTransaction records in each, spread over the partitions (default 5)
 * @param abortEvery every this-th transaction is aborted on purpose (default 3)
 * @param valueBytes bytes of each record's value (default 100)
 * @param isolation the consumers' {@code isolation.level} (default {@code read_committed}; {@code
 *     read_uncommitted} is the checker's negative test: it must see aborted records)
 * @param transactionTimeout the producers' {@code transaction.timeout.ms} (default 10s)
 * @param hangingGrace how much longer than the timeout a last stable offset may stay stuck before
 *     it counts as a hanging transaction (default 30s: a coordinator's broker may be restarting)
 * @param duration how long transactions run (default 60s; quick 20s)
 * @param bounce how a broker is bounced meanwhile: {@code stop} (controlled), {@code kill} (-9) or
 *     {@code none} (default stop)
 * @param bounceAfter when, from the start of the workload (default 15s; quick 5s)
 * @param downFor how long the bounced broker stays down (default 10s; quick 5s)
 * @param drainLimit consumers reach the last stable offsets within this (default 60s)
 */
public record TransactionsConfig(
    Integer partitions,
    Integer replicationFactor,
    Integer minInsyncReplicas,
    Integer producers,
    Double transactionsPerSecond,
    Integer recordsPerTransaction,
    Integer abortEvery,
    Integer valueBytes,
    String isolation,
    Duration transactionTimeout,
    Duration hangingGrace,
    Duration duration,
    String bounce,
    Duration bounceAfter,
    Duration downFor,
    Duration drainLimit) {

  private static final Set<String> ISOLATIONS = Set.of("read_committed", "read_uncommitted");
  private static final Set<String> BOUNCES = Set.of("stop", "kill", "none");

  /** Fills defaults and validates. */
  public TransactionsConfig {
    partitions = partitions == null ? 3 : partitions;
    replicationFactor = replicationFactor == null ? 3 : replicationFactor;
    minInsyncReplicas = minInsyncReplicas == null ? 2 : minInsyncReplicas;
    producers = producers == null ? 2 : producers;
    transactionsPerSecond = transactionsPerSecond == null ? 10.0 : transactionsPerSecond;
    recordsPerTransaction = recordsPerTransaction == null ? 5 : recordsPerTransaction;
    abortEvery = abortEvery == null ? 3 : abortEvery;
    valueBytes = valueBytes == null ? 100 : valueBytes;
    isolation = isolation == null ? "read_committed" : isolation;
    transactionTimeout = seconds(transactionTimeout, 10);
    hangingGrace = seconds(hangingGrace, 30);
    bounce = bounce == null ? "stop" : bounce;
    drainLimit = seconds(drainLimit, 60);
    if (!ISOLATIONS.contains(isolation)) {
      throw new IllegalArgumentException(
          "isolation must be read_committed or read_uncommitted, got " + isolation);
    }
    if (!BOUNCES.contains(bounce)) {
      throw new IllegalArgumentException("bounce must be stop, kill or none, got " + bounce);
    }
    if (partitions < 1 || producers < 1 || recordsPerTransaction < 1 || abortEvery < 0) {
      throw new IllegalArgumentException(
          "partitions, producers and recordsPerTransaction must be >= 1, abortEvery >= 0");
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(
          "need 1 <= minInsyncReplicas <= replicationFactor, got "
              + minInsyncReplicas
              + " and "
              + replicationFactor);
    }
    if (!(transactionsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "transactionsPerSecond must be > 0, got " + transactionsPerSecond);
    }
  }

  /**
   * Returns these settings with the durations not given filled in: the full defaults, or with
   * {@code quick} the quick ones (a value given applies to both).
   */
  public TransactionsConfig resolve(boolean quick) {
    return new TransactionsConfig(
        partitions,
        replicationFactor,
        minInsyncReplicas,
        producers,
        transactionsPerSecond,
        recordsPerTransaction,
        abortEvery,
        valueBytes,
        isolation,
        transactionTimeout,
        hangingGrace,
        duration != null ? duration : Duration.ofSeconds(quick ? 20 : 60),
        bounce,
        bounceAfter != null ? bounceAfter : Duration.ofSeconds(quick ? 5 : 15),
        downFor != null ? downFor : Duration.ofSeconds(quick ? 5 : 10),
        drainLimit);
  }

  /** Returns whether a broker is bounced. */
  public boolean bounces() {
    return !bounce.equals("none");
  }

  private static Duration seconds(Duration d, int s) {
    return d == null ? Duration.ofSeconds(s) : d;
  }
}
