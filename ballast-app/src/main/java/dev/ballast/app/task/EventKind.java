package dev.ballast.app.task;

/** What an {@link Event} is about. */
public enum EventKind {
  /** A task started or ended (with its outcome). */
  TASK,
  /** A phase started or ended (with its duration). */
  PHASE,
  /** A fault was injected or undone: a broker killed, restarted, slowed. */
  FAULT,
  /** Something a task wants in the log: a figure, a milestone. */
  NOTE,
  /** A checker's verdict. */
  VERDICT
}
