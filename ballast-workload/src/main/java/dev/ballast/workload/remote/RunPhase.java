package dev.ballast.workload.remote;

/** Where a worker's share of a run should be: the desired phase in its control record. */
public enum RunPhase {
  /** Consumers and producers run. */
  RUNNING,
  /** Producers are stopped (a worker died and is awaited); consumers keep consuming. */
  PAUSED,
  /** Producers are stopped for good; consumers drain. */
  PRODUCERS_STOPPED,
  /** Everything is stopped; the worker sends its final report and goes idle. */
  FINISHED
}
