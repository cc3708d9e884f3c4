package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.plan.Units;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One decision of the latency guard: what it saw over a window and the pace it set.
 *
 * @param window the decision's number (0: the starting pace)
 * @param action what the guard did
 * @param p99Ms the canary's produce p99 over the window, in ms; empty when no probe answered
 * @param limitMs the limit, in ms
 * @param underReplicated partitions with a replica out of sync, not counting the moves in flight
 * @param moves the most moves in flight from now on
 * @param throttle the replication throttle from now on, bytes/s
 * @param reason why, in words
 */
public record GuardDecision(
    int window,
    Action action,
    OptionalDouble p99Ms,
    double limitMs,
    int underReplicated,
    int moves,
    long throttle,
    String reason) {

  /** What the guard did in a window. */
  public enum Action {
    /** The starting pace: one move, a tenth of the highest throttle. */
    START,
    /** The window was good: one more move and a step more throttle. */
    RAISE,
    /** The window was bad (p99 over the limit, or the ISR shrank): moves and throttle cut. */
    BACK_OFF,
    /** Nothing to change: no probe answered, or already at the maximum. */
    HOLD
  }

  /** Validates. */
  public GuardDecision {
    requireNonNull(action, "action");
    requireNonNull(p99Ms, "p99Ms");
    requireNonNull(reason, "reason");
    if (moves < 1 || throttle < 1) {
      throw new IllegalArgumentException("the guard keeps at least one move and a throttle");
    }
  }

  /**
   * Returns one line for a user, e.g. {@code guard #3: canary p99 12.0 ms (limit 50 ms), 0
   * under-replicated: raise to 3 move(s), throttle 28.6 MiB/s}.
   */
  public String describe() {
    String seen =
        p99Ms.isPresent()
            ? String.format(Locale.ROOT, "canary p99 %.1f ms", p99Ms.getAsDouble())
            : "no canary probe";
    return String.format(
        Locale.ROOT,
        "guard #%d: %s (limit %.0f ms), %d under-replicated outside the moves: %s; %d move(s) in"
            + " flight at most, throttle %s/s",
        window,
        seen,
        limitMs,
        underReplicated,
        reason,
        moves,
        Units.bytes(throttle));
  }
}
