package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;

/**
 * Drives a {@link PlanExecutor} until it finishes, for commands that wait for the result (the
 * balancer service drives it step by step instead). Idles by parking between steps.
 */
public final class ExecutionRunner {

  private final LongSupplier nanoClock;
  private final Duration idle;
  private final LongToIntFunction alongside;

  /**
   * Creates a runner that reads {@code nanoClock} and parks {@code idle} when a step did nothing.
   */
  public ExecutionRunner(LongSupplier nanoClock, Duration idle) {
    this(nanoClock, idle, now -> 0);
  }

  private ExecutionRunner(LongSupplier nanoClock, Duration idle, LongToIntFunction alongside) {
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.idle = requireNonNull(idle, "idle");
    this.alongside = requireNonNull(alongside, "alongside");
  }

  /**
   * Returns a runner that also does {@code step} (e.g. a canary round for the latency guard) at the
   * start of every loop, before the executor's step; its work counts as work.
   */
  public ExecutionRunner alongside(LongToIntFunction step) {
    return new ExecutionRunner(nanoClock, idle, step);
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
      int companion = alongside.applyAsInt(now);
      if (executor.doWork(now) + companion > 0) {
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
