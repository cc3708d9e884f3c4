package dev.ballast.app.cli;

/**
 * An error caused by the user's input or environment, reported as one line without a stack trace.
 */
public class UserException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** Creates an error with {@code message} (what was wrong and what to do) and exit code 2. */
  public UserException(String message) {
    this(message, 2);
  }

  /** Creates an error with {@code message} and {@code exitCode}. */
  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Returns the process exit code for this error. */
  public int exitCode() {
    return exitCode;
  }
}
