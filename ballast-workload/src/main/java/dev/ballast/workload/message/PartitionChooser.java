package dev.ballast.workload.message;

import java.util.Arrays;
import org.apache.kafka.common.utils.Utils;

/**
 * Chooses each message's partition, so a producer knows it before sending and can number messages
 * per partition. With weights: smooth weighted round-robin (deterministic, skew on purpose). With a
 * key and no weights: Kafka's default hash ({@code murmur2(key) % partitions}). Otherwise
 * round-robin. Either round-robin stays on a partition for {@code run} messages in a row so batches
 * fill as with Kafka's sticky partitioner. Not thread-safe.
 */
public final class PartitionChooser {

  private final int partitions;
  private final long[] weights;
  private final long totalWeight;
  private final long[] current;
  private final int run;
  private int remainingInRun;
  private int partition = -1;

  /**
   * Creates a chooser over {@code partitions} partitions with {@code weights} (empty: uniform),
   * switching partitions every {@code run} messages.
   */
  public PartitionChooser(int partitions, long[] weights, int run) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    if (run < 1) {
      throw new IllegalArgumentException("run must be >= 1, got " + run);
    }
    this.partitions = partitions;
    this.weights = weights == null ? new long[0] : weights.clone();
    if (this.weights.length > 0) {
      if (this.weights.length != partitions) {
        throw new IllegalArgumentException(
            "need one weight per partition: "
                + this.weights.length
                + " weights for "
                + partitions
                + " partitions");
      }
      if (Arrays.stream(this.weights).anyMatch(w -> w < 0)
          || Arrays.stream(this.weights).sum() <= 0) {
        throw new IllegalArgumentException(
            "weights must be >= 0 with a positive sum, got " + Arrays.toString(this.weights));
      }
    }
    this.totalWeight = Arrays.stream(this.weights).sum();
    this.current = new long[this.weights.length];
    this.run = run;
  }

  /** Returns the number of partitions. */
  public int partitions() {
    return partitions;
  }

  /** Returns the partition for a message with {@code key} (null for none). */
  public int next(byte[] key) {
    if (weights.length == 0 && key != null) {
      return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
    if (remainingInRun == 0) {
      partition = weights.length == 0 ? (partition + 1) % partitions : nextWeighted();
      remainingInRun = run;
    }
    remainingInRun--;
    return partition;
  }

  private int nextWeighted() {
    // Smooth weighted round-robin (nginx): spreads each partition's turns evenly over a cycle.
    int best = 0;
    for (int i = 0; i < weights.length; i++) {
      current[i] += weights[i];
      if (current[i] > current[best]) {
        best = i;
      }
    }
    current[best] -= totalWeight;
    return best;
  }
}
