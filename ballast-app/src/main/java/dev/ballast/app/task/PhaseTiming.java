package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

/**
 * When a phase ran, on the task's clock.
 *
 * @param phase the phase
 * @param startNanos when it started ({@link TaskContext#clock()} time)
 * @param endNanos when it ended
 * @param completed whether it returned DONE (false: cut short by a timeout, a stop or a failure)
 */
public record PhaseTiming(TaskPhase phase, long startNanos, long endNanos, boolean completed) {

  /** Validates. */
  public PhaseTiming {
    requireNonNull(phase, "phase");
    if (endNanos < startNanos) {
      throw new IllegalArgumentException(phase + " ends before it starts");
    }
  }

  /** Returns how long the phase took, in seconds. */
  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }
}
