package dev.ballast.workload.rate;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.IdleStrategy;

/**
 * Paces one sender along a {@link RateSchedule}: it waits (through the idle strategy) until the
 * next message is due and hands out its intended send time. A sender that falls behind is not
 * slowed down further: the missed messages are due at once and keep their original intended times,
 * so latency measured from them includes the stall (no coordinated omission).
 */
public final class Pacer {

  private final RateSchedule schedule;
  private final NanoClock clock;
  private final IdleStrategy idle;

  /** Creates a pacer over {@code schedule}. */
  public Pacer(RateSchedule schedule, NanoClock clock, IdleStrategy idle) {
    this.schedule = requireNonNull(schedule, "schedule");
    this.clock = requireNonNull(clock, "clock");
    this.idle = requireNonNull(idle, "idle");
  }

  /** Waits until the next message is due and returns its intended send time. */
  public long awaitNext(int messageBytes) {
    while (true) {
      long wait = nanosUntilDue(clock.nanoTime());
      if (wait <= 0) {
        return schedule.next(messageBytes);
      }
      idle.idle(0, wait);
    }
  }

  /** Returns whether the next message is due at {@code now}. */
  public boolean isDue(long now) {
    return nanosUntilDue(now) <= 0;
  }

  /** Returns how long after {@code now} the next message is due (0 or less: due). */
  public long nanosUntilDue(long now) {
    return schedule.isUnlimited() ? 0 : schedule.peekNanos() - now;
  }

  /** Takes the next slot without waiting and returns its intended send time. */
  public long next(int messageBytes) {
    return schedule.next(messageBytes);
  }

  /** Returns the schedule. */
  public RateSchedule schedule() {
    return schedule;
  }
}
