package dev.ballast.kafka.exec;

/** The phases of an execution, in order; it ends in one of the last three. */
public enum ExecutionPhase {
  /** Nothing started. */
  IDLE,
  /** Reassignments are submitted in batches and tracked. */
  MOVING,
  /** Moves are done; preferred leaders are being elected. */
  ELECTING,
  /** Every partition is at its target and throttles are removed. */
  DONE,
  /** Cancelled: in-flight moves were reverted and throttles removed. */
  CANCELLED,
  /** Stopped on an error; throttles were removed. */
  FAILED;

  /** Returns whether the execution has ended. */
  public boolean isFinal() {
    return this == DONE || this == CANCELLED || this == FAILED;
  }

  /** Returns the lower-case name. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
