package dev.ballast.kafka;

/** A cluster did not answer within the timeout; the message names the address and what to check. */
public final class ClusterUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message} and {@code cause}. */
  public ClusterUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
