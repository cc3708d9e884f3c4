package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How fast the executor may go.
 *
 * @param maxMovesPerBroker the most data moves in flight that touch one broker (as source or
 *     destination)
 * @param maxMovesInCluster the most data moves in flight in the whole cluster
 * @param batchInterval the pause between the end of one batch and the start of the next
 * @param throttleBytesPerSec the replication throttle while moving, or 0 for none
 * @param pollInterval how often progress is read from the cluster
 * @param callTimeout the timeout of each Admin call
 * @param order which moves start first
 * @param maxProduceP99 the canary produce p99 the latency guard keeps moves under, or zero for no
 *     guard
 * @param guardWindow how often the latency guard decides
 */
public record ExecutorSettings(
    int maxMovesPerBroker,
    int maxMovesInCluster,
    Duration batchInterval,
    long throttleBytesPerSec,
    Duration pollInterval,
    Duration callTimeout,
    MoveOrder order,
    Duration maxProduceP99,
    Duration guardWindow) {

  /** Validates the settings. */
  public ExecutorSettings {
    if (maxMovesPerBroker < 1 || maxMovesInCluster < 1) {
      throw new IllegalArgumentException("move limits must be at least 1");
    }
    if (throttleBytesPerSec < 0) {
      throw new IllegalArgumentException(
          "--throttle must be >= 0 bytes/s, not " + throttleBytesPerSec);
    }
    requireNonNull(batchInterval, "batchInterval");
    requireNonNull(pollInterval, "pollInterval");
    requireNonNull(callTimeout, "callTimeout");
    requireNonNull(order, "order");
    requireNonNull(maxProduceP99, "maxProduceP99");
    requireNonNull(guardWindow, "guardWindow");
    if (maxProduceP99.isNegative()) {
      throw new IllegalArgumentException("--max-produce-p99 must be positive");
    }
  }

  /**
   * Returns defaults: 5 moves per broker, 20 in the cluster, no pause, no throttle, no latency
   * guard.
   */
  public static ExecutorSettings defaults() {
    return new ExecutorSettings(
        5,
        20,
        Duration.ZERO,
        0,
        Duration.ofMillis(500),
        Duration.ofSeconds(15),
        MoveOrder.PLAN,
        Duration.ZERO,
        GuardSettings.DEFAULT_WINDOW);
  }

  /** Returns these settings with a replication throttle of {@code bytesPerSec} (0: none). */
  public ExecutorSettings withThrottle(long bytesPerSec) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        batchInterval,
        bytesPerSec,
        pollInterval,
        callTimeout,
        order,
        maxProduceP99,
        guardWindow);
  }

  /** Returns these settings with other move limits. */
  public ExecutorSettings withLimits(int perBroker, int inCluster) {
    return new ExecutorSettings(
        perBroker,
        inCluster,
        batchInterval,
        throttleBytesPerSec,
        pollInterval,
        callTimeout,
        order,
        maxProduceP99,
        guardWindow);
  }

  /** Returns these settings with {@code interval} between batches. */
  public ExecutorSettings withBatchInterval(Duration interval) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        interval,
        throttleBytesPerSec,
        pollInterval,
        callTimeout,
        order,
        maxProduceP99,
        guardWindow);
  }

  /** Returns these settings with {@code moveOrder}: which moves start first. */
  public ExecutorSettings withOrder(MoveOrder moveOrder) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        batchInterval,
        throttleBytesPerSec,
        pollInterval,
        callTimeout,
        moveOrder,
        maxProduceP99,
        guardWindow);
  }

  /**
   * Returns these settings with a latency guard keeping the canary's produce p99 under {@code
   * limit} (zero: no guard), deciding every {@code window}.
   */
  public ExecutorSettings withLatencyGuard(Duration limit, Duration window) {
    return new ExecutorSettings(
        maxMovesPerBroker,
        maxMovesInCluster,
        batchInterval,
        throttleBytesPerSec,
        pollInterval,
        callTimeout,
        order,
        limit,
        window);
  }

  /** Returns the latency guard's settings, empty when there is no guard. */
  public java.util.Optional<GuardSettings> guard() {
    return maxProduceP99.isZero()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            GuardSettings.of(maxProduceP99, maxMovesInCluster, throttleBytesPerSec)
                .withWindow(guardWindow));
  }
}
