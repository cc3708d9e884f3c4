package dev.ballast.solver;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long and how wide the exact solver may search.
 *
 * @param timeLimit the wall-clock budget of one solve (both stages together)
 * @param workers CP-SAT's parallel workers
 * @param residual whether to go on, when no placement meets every band, to the placement with the
 *     least residual violation and then the fewest bytes moved
 */
public record SolverLimits(Duration timeLimit, int workers, boolean residual) {

  /** Validates the figures. */
  public SolverLimits {
    requireNonNull(timeLimit, "timeLimit");
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
  }

  /** Returns limits of {@code timeLimit} on two workers, with the residual stage. */
  public static SolverLimits of(Duration timeLimit) {
    return new SolverLimits(timeLimit, 2, true);
  }

  /** Returns a copy without the residual stage (only "is the band reachable, at what cost"). */
  public SolverLimits withoutResidual() {
    return new SolverLimits(timeLimit, workers, false);
  }
}
