package dev.ballast.core.loop;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks until the next message is due, spinning only for the last few microseconds; never sleeps
 * past the due time by more than the OS timer slack. Cheap on shared cores.
 */
public final class ParkingIdleStrategy implements IdleStrategy {

  private final long spinNanos;
  private final long maxParkNanos;

  /**
   * Creates a strategy that spins below {@code spinNanos} and parks at most {@code maxParkNanos}.
   */
  public ParkingIdleStrategy(long spinNanos, long maxParkNanos) {
    if (spinNanos < 0 || maxParkNanos <= 0) {
      throw new IllegalArgumentException(
          "spinNanos must be >= 0 and maxParkNanos > 0, got " + spinNanos + ", " + maxParkNanos);
    }
    this.spinNanos = spinNanos;
    this.maxParkNanos = maxParkNanos;
  }

  /** Returns a strategy that parks up to {@code maxPark} (less if work is due sooner), no spin. */
  public static ParkingIdleStrategy parkingUpTo(Duration maxPark) {
    return new ParkingIdleStrategy(0, maxPark.toNanos());
  }

  /** Returns the default: spin under 5 us, park at most 1 ms. */
  public static ParkingIdleStrategy standard() {
    return new ParkingIdleStrategy(5_000, 1_000_000);
  }

  @Override
  public void idle(int workCount, long nanosUntilDue) {
    if (workCount > 0 || nanosUntilDue <= 0) {
      return;
    }
    if (nanosUntilDue <= spinNanos) {
      Thread.onSpinWait();
    } else {
      LockSupport.parkNanos(Math.min(nanosUntilDue - spinNanos, maxParkNanos));
    }
  }
}
