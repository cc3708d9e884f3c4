package dev.ballast.core.model;

/**
 * The load of one partition, as its leader sees it.
 *
 * @param bytesInPerSec bytes/s produced to the partition
 * @param bytesOutPerSec bytes/s read by consumers (not counting replication)
 * @param messagesInPerSec messages/s produced to the partition
 * @param sizeBytes the size of one replica on disk; also what moving a replica costs
 */
public record PartitionLoad(
    double bytesInPerSec, double bytesOutPerSec, double messagesInPerSec, long sizeBytes) {

  /** A partition that carries nothing. */
  public static final PartitionLoad ZERO = new PartitionLoad(0, 0, 0, 0);

  /** Validates that every figure is finite and not negative. */
  public PartitionLoad {
    if (!(bytesInPerSec >= 0 && Double.isFinite(bytesInPerSec))
        || !(bytesOutPerSec >= 0 && Double.isFinite(bytesOutPerSec))
        || !(messagesInPerSec >= 0 && Double.isFinite(messagesInPerSec))
        || sizeBytes < 0) {
      throw new IllegalArgumentException(
          "load figures must be finite and >= 0, got "
              + bytesInPerSec
              + ", "
              + bytesOutPerSec
              + ", "
              + messagesInPerSec
              + ", "
              + sizeBytes);
    }
  }
}
