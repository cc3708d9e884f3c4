package dev.ballast.core.model;

/** What the planner may do with a broker. */
public enum BrokerState {
  /** Serving normally: may hold, receive and lead replicas. */
  ALIVE,
  /** Just joined and (usually) empty: may hold, receive and lead replicas. */
  NEW,
  /** Being decommissioned: must be emptied, receives nothing. */
  DRAINING,
  /** Gone: its replicas must be re-created elsewhere, receives nothing. */
  DEAD,
  /** Slower than its peers: leads nothing and receives nothing; keeps follower replicas. */
  SLOW,
  /** Left alone by the operator's choice: receives nothing, and nothing is moved off it. */
  EXCLUDED;

  /** Returns whether the broker may receive new replicas or leadership. */
  public boolean canReceive() {
    return this == ALIVE || this == NEW;
  }

  /** Returns whether every replica must leave the broker. */
  public boolean mustBeEmptied() {
    return this == DRAINING || this == DEAD;
  }

  /** Returns the lower-case name used in snapshot files and on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
