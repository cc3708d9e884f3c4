package dev.ballast.core.doctor;

import java.util.Locale;

/** How urgent an incident is, most urgent first. */
public enum Severity {
  /** Data is unavailable or being lost now. */
  CRITICAL,
  /** Clients fail or the cluster cannot keep up; act today. */
  HIGH,
  /** A risk or a degradation that will bite under load or on the next failure. */
  MEDIUM,
  /** Worth fixing when convenient. */
  LOW,
  /** Nothing wrong; something the operator should know. */
  INFO;

  /** Returns the lower-case name printed in reports ("high"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
