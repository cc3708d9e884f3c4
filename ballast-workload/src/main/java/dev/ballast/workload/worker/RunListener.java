package dev.ballast.workload.worker;

/** Hears a workload run's progress: events and a line of figures every reporting period. */
public interface RunListener {

  /** A listener that ignores everything. */
  RunListener NONE = new RunListener() {};

  /** Called with what happened in the last reporting period. */
  default void onPeriod(PeriodStats stats) {}

  /** Called when something worth a line happens (warm-up over, producers stopped, ...). */
  default void onEvent(String event) {}
}
