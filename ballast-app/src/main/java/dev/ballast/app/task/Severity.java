package dev.ballast.app.task;

/**
 * How much an event matters, from the seed's alerting: critical (data lost, duplicated, an aborted
 * or torn read), error (an SLA missed: a deadline, a recovery time, a stuck LSO, a task timeout),
 * warning (inconclusive: the infrastructure failed, e.g. a worker lost or a kill command that
 * failed), info (passed, resolved, progress).
 */
public enum Severity {
  /** Progress, a pass, a resolution. */
  INFO,
  /** Inconclusive: the test infrastructure, not the cluster under test, failed. */
  WARNING,
  /** An SLA missed by the cluster under test, or a task that broke. */
  ERROR,
  /** Data lost, duplicated, or read when it must not be. */
  CRITICAL;

  /** Returns the lower-case name used in alerts and metrics ({@code critical}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns whether this is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
