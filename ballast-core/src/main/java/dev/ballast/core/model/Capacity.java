package dev.ballast.core.model;

/**
 * The most network traffic a broker may carry; a plan never pushes a broker above it.
 *
 * @param bytesInPerSec the most bytes/s in (produce plus replication), or infinity
 * @param bytesOutPerSec the most bytes/s out (consumers plus replication), or infinity
 */
public record Capacity(double bytesInPerSec, double bytesOutPerSec) {

  /** Validates that both limits are positive. */
  public Capacity {
    if (!(bytesInPerSec > 0) || !(bytesOutPerSec > 0)) {
      throw new IllegalArgumentException(
          "capacity must be positive (bytesInPerSec="
              + bytesInPerSec
              + ", bytesOutPerSec="
              + bytesOutPerSec
              + ")");
    }
  }
}
