package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * The checker's state for one topic partition: which offsets were read and, per producer, which
 * sequence numbers. Thread-safe; consumers of different partitions never contend.
 */
public final class PartitionChecker {

  private final String topic;
  private final int partition;
  private final IntervalSet offsets = new IntervalSet();
  private final Map<Long, StreamState> streams = new HashMap<>();
  private long lastProducerId;
  private StreamState lastStream;
  private long consumed;
  private long duplicated;
  private long reordered;
  private long redelivered;

  PartitionChecker(String topic, int partition) {
    this.topic = requireNonNull(topic, "topic");
    this.partition = partition;
  }

  /**
   * Records the message at {@code offset} carrying {@code sequence} from {@code producerId}, and
   * returns what it was.
   */
  public synchronized Observation record(long offset, long producerId, long sequence) {
    if (!offsets.add(offset)) {
      redelivered++;
      return Observation.REDELIVERED;
    }
    consumed++;
    StreamState stream = stream(producerId);
    if (!stream.sequences.add(sequence)) {
      duplicated++;
      return Observation.DUPLICATED;
    }
    if (!stream.order.accept(offset, sequence)) {
      reordered++;
      return Observation.REORDERED;
    }
    return Observation.IN_ORDER;
  }

  /** Returns the topic. */
  public String topic() {
    return topic;
  }

  /** Returns the partition. */
  public int partition() {
    return partition;
  }

  /** Returns a copy of what this partition's checker has seen. */
  public synchronized PartitionSnapshot snapshot() {
    Map<Long, IntervalSet> sequences = new HashMap<>();
    streams.forEach((id, state) -> sequences.put(id, state.sequences.copy()));
    return new PartitionSnapshot(
        topic, partition, offsets.copy(), sequences, duplicated, reordered, redelivered);
  }

  synchronized void collect(ContinuityCounts.Builder counts, Map<StreamId, IntervalSet> seen) {
    counts.consumed += consumed;
    counts.duplicated += duplicated;
    counts.reordered += reordered;
    counts.redelivered += redelivered;
    if (seen == null) {
      return;
    }
    for (Map.Entry<Long, StreamState> e : streams.entrySet()) {
      seen.put(new StreamId(e.getKey(), topic, partition), e.getValue().sequences.copy());
    }
  }

  private StreamState stream(long producerId) {
    if (lastStream != null && lastProducerId == producerId) {
      return lastStream;
    }
    StreamState stream = streams.computeIfAbsent(producerId, id -> new StreamState());
    lastProducerId = producerId;
    lastStream = stream;
    return stream;
  }

  private static final class StreamState {
    final IntervalSet sequences = new IntervalSet();
    final LogOrder order = new LogOrder();
  }
}
