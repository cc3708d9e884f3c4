package dev.ballast.app.scenario;

/** What a scenario does to the cluster to create its anomaly. */
public enum Trigger {
  /** Nothing: the placement itself is the anomaly, present from the start. */
  NONE,
  /** A new broker joins. */
  ADD_BROKER,
  /** The target broker is drained by the operator, then stopped once empty. */
  DRAIN_AND_STOP,
  /** The target broker is killed (-9); the balancer self-heals after its grace period. */
  KILL,
  /** Latency is injected on the target broker. */
  SLOW,
  /**
   * The brokers' capped network cannot carry the load: the doctor diagnoses it and its fix (more
   * brokers, then a rebalance) is applied.
   */
  CAPACITY
}
