package dev.ballast.workload.continuity;

/** What the checker made of one consumed message. */
public enum Observation {
  /**
   * A message in order with its stream's messages stored around it in the log (it may arrive late,
   * after a rebalance, and fill a gap).
   */
  IN_ORDER,
  /** A message whose sequence number is out of line with its neighbours in the log. */
  REORDERED,
  /** A second copy, at another offset, of a message already consumed. */
  DUPLICATED,
  /** The same offset read again (after a rebalance or a restart); not a fault of the log. */
  REDELIVERED
}
