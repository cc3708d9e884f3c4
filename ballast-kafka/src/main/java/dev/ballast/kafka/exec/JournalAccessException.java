package dev.ballast.kafka.exec;

/**
 * The principal may not use the execution journal topic; the message names the missing permission
 * and what to grant. Nothing was applied.
 */
public final class JournalAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message} and {@code cause}. */
  public JournalAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
