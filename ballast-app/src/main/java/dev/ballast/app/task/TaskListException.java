package dev.ballast.app.task;

/** A task list (marathon YAML) that cannot be used; the message names the file, line and field. */
public final class TaskListException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates one with a message that says what was wrong and what to do. */
  public TaskListException(String message, Throwable cause) {
    super(message, cause);
  }
}
