package dev.ballast.workload.txn;

/** How a transaction ended, as its producer knows it. */
public enum TxnOutcome {
  /** {@code commitTransaction} returned: every record must be read, exactly once. */
  COMMITTED,
  /** {@code abortTransaction} returned, or nothing was sent: no record may be read. */
  ABORTED,
  /** The producer failed before it knew (fenced, fatal error): all or nothing may be read. */
  UNKNOWN
}
