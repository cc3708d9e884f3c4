package dev.ballast.app.task;

/** How a task run ended, before its checkers judged it. */
public enum RunEnd {
  /** Every phase returned DONE. */
  COMPLETED,
  /** A phase or the whole task ran past its timeout and was cut short. */
  TIMED_OUT,
  /** A stop was requested (Ctrl-C, SIGTERM) and the run was cut short. */
  STOPPED,
  /** The infrastructure failed ({@link InfrastructureException}) or requirements were not met. */
  INFRASTRUCTURE_FAILED,
  /** A phase threw an unexpected exception: a defect in the task. */
  TASK_ERROR
}
