package dev.ballast.workload.rate;

/** What a target rate counts: messages or payload bytes per second. */
public enum RateUnit {
  /** Messages per second. */
  MESSAGES,
  /** Payload bytes per second. */
  BYTES;

  /** Returns how many units one message of {@code messageBytes} bytes consumes. */
  public double unitsOf(int messageBytes) {
    return this == MESSAGES ? 1.0 : messageBytes;
  }
}
