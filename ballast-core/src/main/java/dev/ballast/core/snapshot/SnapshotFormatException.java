package dev.ballast.core.snapshot;

/** A snapshot that is not valid JSON or not a valid cluster; the message names the problem. */
public final class SnapshotFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line {@code message}. */
  public SnapshotFormatException(String message) {
    super(message);
  }
}
