package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One producer's record of what it sent, what the cluster acknowledged and what failed, per
 * partition sequence. Thread-safe: the send loop and the client's callback thread both write.
 */
public final class AckLedger {

  private static final int MAX_CACHED_PARTITIONS = 65_536;
  private static final VarHandle PRODUCED;

  static {
    try {
      PRODUCED = MethodHandles.lookup().findVarHandle(AckLedger.class, "produced", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long producerId;
  private final Map<StreamId, IntervalSet> acked = new HashMap<>();
  private long produced; // one writer, released to readers: no fence per send
  private long ackedCount; // guarded by this
  private long failed; // guarded by this
  private String cachedTopic;
  private IntervalSet[] cachedSets = new IntervalSet[0];

  /** Creates an empty ledger for the producer {@code producerId}. */
  public AckLedger(long producerId) {
    this.producerId = producerId;
  }

  /** Returns the producer's id. */
  public long producerId() {
    return producerId;
  }

  /** Counts one message handed to the client. Call from the send loop only. */
  public void sent() {
    PRODUCED.setRelease(this, produced + 1); // one writer: the send loop
  }

  /** Records the acknowledgement of {@code sequence} on {@code topic}-{@code partition}. */
  public synchronized void acked(String topic, int partition, long sequence) {
    if (setFor(topic, partition).add(sequence)) {
      ackedCount++;
    }
  }

  /**
   * Returns the set of {@code topic}-{@code partition}: from a per-partition array for the last
   * topic (a producer writes one topic), so an ack costs no map lookup or key allocation.
   */
  private IntervalSet setFor(String topic, int partition) {
    if (topic != cachedTopic && !topic.equals(cachedTopic)) {
      cachedTopic = requireNonNull(topic, "topic");
      cachedSets = new IntervalSet[0];
    }
    if (partition >= 0 && partition < cachedSets.length && cachedSets[partition] != null) {
      return cachedSets[partition];
    }
    IntervalSet set =
        acked.computeIfAbsent(new StreamId(producerId, topic, partition), id -> new IntervalSet());
    if (partition >= 0 && partition < MAX_CACHED_PARTITIONS) {
      if (partition >= cachedSets.length) {
        cachedSets = Arrays.copyOf(cachedSets, partition + 1);
      }
      cachedSets[partition] = set;
    }
    return set;
  }

  /** Counts one message the cluster did not acknowledge (the send failed). */
  public synchronized void failed() {
    failed++;
  }

  /** Returns how many messages were handed to the client. */
  public long produced() {
    return (long) PRODUCED.getAcquire(this);
  }

  /** Returns how many messages were acknowledged. */
  public synchronized long ackedCount() {
    return ackedCount;
  }

  /** Returns how many sends failed. */
  public synchronized long failedCount() {
    return failed;
  }

  /** Returns a copy of the acknowledged sequences per stream. */
  public synchronized Map<StreamId, IntervalSet> ackedStreams() {
    Map<StreamId, IntervalSet> copy = new HashMap<>();
    acked.forEach((id, set) -> copy.put(id, set.copy()));
    return copy;
  }
}
