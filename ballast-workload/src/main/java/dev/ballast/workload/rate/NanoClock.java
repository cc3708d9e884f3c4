package dev.ballast.workload.rate;

/** A monotonic nanosecond time source; production uses {@link System#nanoTime()}, tests a fake. */
@FunctionalInterface
public interface NanoClock {

  /** The system's monotonic clock. */
  NanoClock SYSTEM = System::nanoTime;

  /** Returns the current time in nanoseconds from an arbitrary origin. */
  long nanoTime();
}
