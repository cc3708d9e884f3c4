package dev.ballast.kafka;

/** A call to the cluster failed; the message says which call and why. */
public final class KafkaCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with {@code message} and {@code cause}. */
  public KafkaCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
