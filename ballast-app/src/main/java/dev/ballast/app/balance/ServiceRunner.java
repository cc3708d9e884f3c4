package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

/**
 * Runs a service's {@code doWork(now)} in a loop: parks for {@code idle} when a step did nothing,
 * reports a failing step and backs off instead of dying, and stops when asked or when {@code until}
 * holds. The work is separate from the loop that runs it.
 */
public final class ServiceRunner {

  /** Reports a step that threw. */
  public interface ErrorHandler {
    /** Called with the step's exception; the loop continues after {@code backoff}. */
    void onError(Exception e);
  }

  private final LongSupplier nanoClock;
  private final Duration idle;
  private final Duration backoff;
  private final ErrorHandler errors;
  private volatile boolean stopped;

  /** Creates a runner. */
  public ServiceRunner(
      LongSupplier nanoClock, Duration idle, Duration backoff, ErrorHandler errors) {
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.idle = requireNonNull(idle, "idle");
    this.backoff = requireNonNull(backoff, "backoff");
    this.errors = requireNonNull(errors, "errors");
  }

  /** Runs {@code work} on this thread until {@link #stop()}, {@code until} or {@code deadline}. */
  public void run(ToIntFunction<Long> work, BooleanSupplier until, Duration maxRun) {
    long deadline = nanoClock.getAsLong() + maxRun.toNanos();
    while (!stopped && !until.getAsBoolean() && nanoClock.getAsLong() - deadline < 0) {
      try {
        if (work.applyAsInt(nanoClock.getAsLong()) == 0) {
          LockSupport.parkNanos(idle.toNanos());
        }
      } catch (RuntimeException e) {
        errors.onError(e);
        LockSupport.parkNanos(backoff.toNanos());
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /** Asks the loop to stop after the current step. */
  public void stop() {
    stopped = true;
  }

  /** Returns whether {@link #stop()} was called. */
  public boolean isStopped() {
    return stopped;
  }
}
