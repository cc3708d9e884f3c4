package dev.ballast.app.task;

/** The four phases of every task, in the order the runner takes them. */
public enum TaskPhase {
  /** Create what the task needs: topics, groups, workers. */
  PREPARE,
  /** Bring load and cluster to a steady state; nothing measured counts yet. */
  WARM_UP,
  /** The load (and faults) the task is about; what is recorded here is judged. */
  WORKLOAD,
  /** Remove what prepare created and undo every fault; always run, even after a failure. */
  CLEANUP;

  /** Returns the lower-case name used in YAML, events and reports ({@code warm-up}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
