package dev.ballast.workload.continuity;

/** What the checker made of one consumed message. */
public enum Observation {
  /** The next message of its stream, or a later one (a gap opens). */
  IN_ORDER,
  /** A message that fills an earlier gap and sits in the log before its stream's highest one. */
  GAP_FILLED,
  /** A message stored in the log after a message of its stream with a higher sequence number. */
  REORDERED,
  /** A second copy, at another offset, of a message already consumed. */
  DUPLICATED,
  /** The same offset read again (after a rebalance or a restart); not a fault of the log. */
  REDELIVERED
}
