package dev.ballast.embedded;

/** Whether an embedded node's process runs, and if not, how it ended. */
public enum NodeState {
  /** The process runs. */
  RUNNING,
  /** Stopped gracefully (SIGTERM, controlled shutdown). */
  STOPPED,
  /** Killed with SIGKILL, or died on its own. */
  KILLED
}
