package dev.ballast.solver;

import dev.ballast.core.model.ClusterModel;

/**
 * What the exact solver found.
 *
 * @param outcome how the last stage ended
 * @param balanceReachable TRUE when a placement within every band exists (one was found), FALSE
 *     when proven impossible, null when unknown (time limit)
 * @param balanced whether {@link #target} is within every band (false: the residual stage's
 *     least-violation placement)
 * @param bytesMoved the bytes {@link #target} copies, or -1 when nothing was found
 * @param lowerBound the solver's proven lower bound on the bytes of any placement of the same kind
 *     (balanced, or least-violation), 0 when nothing is proven
 * @param target the placement found, or null
 * @param seconds the wall-clock time the solver took
 */
public record ExactResult(
    Outcome outcome,
    Boolean balanceReachable,
    boolean balanced,
    long bytesMoved,
    long lowerBound,
    ClusterModel target,
    double seconds) {

  /** Returns whether a placement was found. */
  public boolean found() {
    return target != null;
  }

  /**
   * Returns the proven optimality gap of the placement found: (bytes - bound) / bytes, 0 when
   * optimal or when it moves nothing.
   */
  public double gap() {
    if (outcome == Outcome.OPTIMAL || bytesMoved <= 0) {
      return 0;
    }
    return Math.max(0, (double) (bytesMoved - lowerBound) / bytesMoved);
  }
}
