package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * One producer's record of what it sent, what the cluster acknowledged and what failed, per
 * partition sequence. Thread-safe: the send loop and the client's callback thread both write.
 */
public final class AckLedger {

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
  private String lastTopic;
  private int lastPartition = -1;
  private IntervalSet lastSet;

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
    if (lastSet == null || partition != lastPartition || !topic.equals(lastTopic)) {
      lastSet =
          acked.computeIfAbsent(
              new StreamId(producerId, requireNonNull(topic, "topic"), partition),
              id -> new IntervalSet());
      lastTopic = topic;
      lastPartition = partition;
    }
    if (lastSet.add(sequence)) {
      ackedCount++;
    }
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
