package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the latency guard paces an execution (additive increase, multiplicative decrease).
 *
 * @param maxProduceP99 the canary's produce p99 the guard keeps the cluster under
 * @param window how often the guard decides; canary probes are pooled over one window
 * @param maxMoves the most moves in flight the guard raises to (the executor's {@code --max-moves})
 * @param minThrottle the lowest replication throttle it backs off to, bytes/s
 * @param maxThrottle the highest replication throttle it raises to, bytes/s
 * @param throttleStep what one good window adds to the throttle, bytes/s
 * @param backOff what one bad window multiplies moves and throttle by (between 0 and 1)
 */
public record GuardSettings(
    Duration maxProduceP99,
    Duration window,
    int maxMoves,
    long minThrottle,
    long maxThrottle,
    long throttleStep,
    double backOff) {

  /** The throttle the guard raises to when {@code --throttle} gives none: 100 MB/s. */
  public static final long DEFAULT_MAX_THROTTLE = 100_000_000L;

  /** How often the guard decides unless told otherwise. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);

  /** Validates the settings. */
  public GuardSettings {
    requireNonNull(maxProduceP99, "maxProduceP99");
    requireNonNull(window, "window");
    if (maxProduceP99.isNegative() || maxProduceP99.isZero()) {
      throw new IllegalArgumentException("--max-produce-p99 must be positive");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the guard's window must be positive");
    }
    if (maxMoves < 1 || minThrottle < 1 || maxThrottle < minThrottle || throttleStep < 1) {
      throw new IllegalArgumentException(
          "the guard needs maxMoves >= 1 and 1 <= minThrottle <= maxThrottle, a step >= 1");
    }
    if (!(backOff > 0 && backOff < 1)) {
      throw new IllegalArgumentException("the guard's back-off must be between 0 and 1");
    }
  }

  /**
   * Returns the guard for a limit of {@code maxP99}, up to {@code maxMoves} moves in flight and a
   * throttle up to {@code throttle} bytes/s (0: up to {@link #DEFAULT_MAX_THROTTLE}): it halves
   * both on a bad window (floors: one move, 1 MB/s) and adds one move and a tenth of the highest
   * throttle on a good one.
   */
  public static GuardSettings of(Duration maxP99, int maxMoves, long throttle) {
    long max = throttle > 0 ? throttle : DEFAULT_MAX_THROTTLE;
    return new GuardSettings(
        maxP99,
        DEFAULT_WINDOW,
        maxMoves,
        Math.min(1_000_000L, max),
        max,
        Math.max(1, max / 10),
        0.5);
  }

  /** Returns these settings deciding every {@code every}. */
  public GuardSettings withWindow(Duration every) {
    return new GuardSettings(
        maxProduceP99, every, maxMoves, minThrottle, maxThrottle, throttleStep, backOff);
  }

  /** Returns the limit in milliseconds. */
  double limitMs() {
    return maxProduceP99.toNanos() / 1e6;
  }
}
