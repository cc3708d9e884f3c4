package dev.ballast.embedded;

/** The embedded cluster could not do what was asked; the message says what and where to look. */
public final class EmbeddedClusterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message}. */
  public EmbeddedClusterException(String message) {
    super(message);
  }

  /** Creates the exception with {@code message} and {@code cause}. */
  public EmbeddedClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
