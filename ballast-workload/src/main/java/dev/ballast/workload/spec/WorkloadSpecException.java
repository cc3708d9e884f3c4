package dev.ballast.workload.spec;

/** A workload file that cannot be used; the message names the file, the line and the field. */
public final class WorkloadSpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an error with a complete message. */
  public WorkloadSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
