package dev.ballast.app.task;

/**
 * The result of one check, or of a whole task run. The order is the order of importance when a run
 * has several verdicts: {@link #worst} of FAIL and INCONCLUSIVE is FAIL.
 */
public enum Outcome {
  /** The property held, on enough data to say so. */
  PASS,
  /** Not enough data, or the test infrastructure failed: nothing is said about the cluster. */
  INCONCLUSIVE,
  /** The task or checker itself broke (threw): a defect in the test, not a finding. */
  ERROR,
  /** The cluster under test violated the property. */
  FAIL;

  /** Returns the more important of {@code a} and {@code b}. */
  public static Outcome worst(Outcome a, Outcome b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
