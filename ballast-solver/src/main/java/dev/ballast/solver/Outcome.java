package dev.ballast.solver;

/** How an exact solve ended. */
public enum Outcome {
  /** The placement found is proven optimal. */
  OPTIMAL,
  /** A placement was found, not proven optimal within the time limit. */
  FEASIBLE,
  /** Proven: no placement meets the hard goals. */
  INFEASIBLE,
  /** Nothing found and nothing proven within the time limit. */
  UNKNOWN
}
