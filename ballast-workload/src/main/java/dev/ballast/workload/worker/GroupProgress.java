package dev.ballast.workload.worker;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far one consumer group has read: messages consumed, and for a catch-up read the backlog it
 * started with and when it had read that many.
 */
public final class GroupProgress {

  private final LongAdder consumed = new LongAdder();
  private final LongAdder assignments = new LongAdder();
  private volatile long startNanos;
  private volatile long backlog = -1;
  private final AtomicLong drainedAtNanos = new AtomicLong(-1);

  /** Marks the start of a catch-up read of {@code backlog} messages at {@code nowNanos}. */
  public void startCatchUp(long backlog, long nowNanos) {
    this.startNanos = nowNanos;
    this.backlog = backlog;
    if (backlog <= 0) {
      drainedAtNanos.compareAndSet(-1, nowNanos);
    }
  }

  void consumed(int count, long nowNanos) {
    consumed.add(count);
    long target = backlog;
    if (target >= 0 && drainedAtNanos.get() < 0 && consumed.sum() >= target) {
      drainedAtNanos.compareAndSet(-1, nowNanos);
    }
  }

  void assigned(int partitions) {
    assignments.add(partitions);
  }

  /** Returns how many messages the group consumed (re-reads included). */
  public long consumed() {
    return consumed.sum();
  }

  /** Returns whether the group has been assigned partitions at least once. */
  public boolean hasAssignment() {
    return assignments.sum() > 0;
  }

  /** Returns the backlog a catch-up read started with, or -1 when it is not a catch-up read. */
  public long backlog() {
    return backlog;
  }

  /** Returns the nanoseconds the catch-up read took to read its backlog, or -1 (not yet). */
  public long drainNanos() {
    long at = drainedAtNanos.get();
    return at < 0 ? -1 : at - startNanos;
  }
}
