package dev.ballast.core.detect;

/** What the balancer found. */
public enum AnomalyKind {
  /** A broker is gone (fenced or unregistered) but still holds replicas. */
  DEAD_BROKER,
  /** A broker marked for decommissioning still holds replicas. */
  DRAINING_BROKER,
  /** A broker holds no replicas while its peers do. */
  NEW_BROKER,
  /** A broker's latency stays well above its peers'. */
  SLOW_BROKER,
  /** A resource is outside the balance band. */
  IMBALANCE;

  /** Returns the lower-case name with dashes ("dead-broker"). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
