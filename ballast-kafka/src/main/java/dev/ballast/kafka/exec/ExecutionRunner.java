package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Drives a {@link PlanExecutor} until it finishes, for commands that wait for the result (the
 * balancer service drives it step by step instead). Idles by parking between steps.
 */
public final class ExecutionRunner {

  private final LongSupplier nanoClock;
  private final Duration idle;

  /**
   * Creates a runner that reads {@code nanoClock} and parks {@code idle} when a step did nothing.
   */
  public ExecutionRunner(LongSupplier nanoClock, Duration idle) {
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.idle = requireNonNull(idle, "idle");
  }

  /**
   * Runs {@code executor} to the end or until {@code timeout}, then cancels it; calls {@code
   * onProgress} after every step that did work. Returns the final progress.
   */
  public ExecutionProgress run(
      PlanExecutor executor, Duration timeout, Consumer<ExecutionProgress> onProgress) {
    long deadline = nanoClock.getAsLong() + timeout.toNanos();
    while (!executor.isFinished()) {
      long now = nanoClock.getAsLong();
      if (now - deadline > 0) {
        executor.cancel();
        executor.doWork(now);
        break;
      }
      if (executor.doWork(now) > 0) {
        onProgress.accept(executor.progress());
      } else {
        LockSupport.parkNanos(idle.toNanos());
      }
      if (Thread.currentThread().isInterrupted()) {
        executor.abort();
        break;
      }
    }
    return executor.progress();
  }
}
