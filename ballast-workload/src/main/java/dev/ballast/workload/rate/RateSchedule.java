package dev.ballast.workload.rate;

import static java.util.Objects.requireNonNull;

/**
 * The open-loop schedule of intended send times: message {@code n+1} is due when message {@code
 * n}'s units have been spent at the shape's rate, whatever happened to message {@code n}. Pure and
 * deterministic; it never reads a clock. Not thread-safe: one schedule per producer.
 */
public final class RateSchedule {

  private final RateShape shape;
  private final RateUnit unit;
  private final long startNanos;
  // Units spent before the next message: a sum of whole messages or bytes, exact in a double
  // up to 2^53. Intended times derive from it, so they never accumulate rounding drift.
  private double unitsSpent;
  private long scheduled;

  /** Creates a schedule that starts at {@code startNanos} (in the clock's time base). */
  public RateSchedule(RateShape shape, RateUnit unit, long startNanos) {
    this.shape = requireNonNull(shape, "shape");
    this.unit = requireNonNull(unit, "unit");
    this.startNanos = startNanos;
  }

  /** Returns whether this schedule has no rate limit (every message is due at once). */
  public boolean isUnlimited() {
    return shape instanceof RateShape.Unlimited;
  }

  /** Returns the intended send time of the next message, without consuming it. */
  public long peekNanos() {
    return startNanos + (long) shape.nanosAtUnits(unitsSpent);
  }

  /**
   * Consumes the next slot for a message of {@code messageBytes} bytes and returns its intended
   * send time; the following message is due once this one's units are spent.
   */
  public long next(int messageBytes) {
    long intended = peekNanos();
    unitsSpent += unit.unitsOf(messageBytes);
    scheduled++;
    return intended;
  }

  /** Returns how many messages have been scheduled. */
  public long scheduled() {
    return scheduled;
  }

  /** Returns the schedule's start time. */
  public long startNanos() {
    return startNanos;
  }

  /** Returns the shape. */
  public RateShape shape() {
    return shape;
  }

  /** Returns the unit the shape's rates count. */
  public RateUnit unit() {
    return unit;
  }
}
