package dev.ballast.core.plan;

/** What an action does to a partition. */
public enum ActionKind {
  /** Another in-sync replica becomes the leader; no data moves. */
  LEADERSHIP,
  /** One or more replicas move to other brokers; their data is copied. */
  MOVE,
  /** A replica is exchanged with a replica of another partition on another broker. */
  SWAP
}
