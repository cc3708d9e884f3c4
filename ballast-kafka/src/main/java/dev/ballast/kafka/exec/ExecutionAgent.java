package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.ErrorHandler;
import dev.ballast.core.loop.ParkingIdleStrategy;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;

/**
 * A {@link PlanExecutor} as an {@link Agent}, for commands that wait for the result (the balancer
 * service drives the executor step by step instead): steps it until it finishes, cancels it when
 * {@code timeout} has passed since the first step, reports progress after every step that did work,
 * and aborts it when its thread is interrupted.
 */
public final class ExecutionAgent implements Agent {

  private final PlanExecutor executor;
  private final LongSupplier nanoClock;
  private final Duration timeout;
  private final Consumer<ExecutionProgress> onProgress;
  private final LongToIntFunction alongside;
  private boolean started;
  private boolean timedOut;
  private long deadline;

  /** Creates an agent for {@code executor} that reads {@code nanoClock}. */
  public ExecutionAgent(
      PlanExecutor executor,
      LongSupplier nanoClock,
      Duration timeout,
      Consumer<ExecutionProgress> onProgress) {
    this(executor, nanoClock, timeout, onProgress, now -> 0);
  }

  private ExecutionAgent(
      PlanExecutor executor,
      LongSupplier nanoClock,
      Duration timeout,
      Consumer<ExecutionProgress> onProgress,
      LongToIntFunction alongside) {
    this.executor = requireNonNull(executor, "executor");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.timeout = requireNonNull(timeout, "timeout");
    this.onProgress = requireNonNull(onProgress, "onProgress");
    this.alongside = requireNonNull(alongside, "alongside");
  }

  /**
   * Returns an agent that also does {@code step} (e.g. a canary round for the latency guard) before
   * every executor step; its work counts as work.
   */
  public ExecutionAgent alongside(LongToIntFunction step) {
    return new ExecutionAgent(executor, nanoClock, timeout, onProgress, step);
  }

  /**
   * Runs the executor on this thread to the end or the timeout, parking up to {@code idle} between
   * steps that did nothing, and returns the final progress; a step's exception is rethrown.
   */
  public ExecutionProgress runToEnd(Duration idle) {
    AgentRunner runner =
        AgentRunner.onCallerThread(
            this, ParkingIdleStrategy.parkingUpTo(idle), ErrorHandler.stopOnFirst());
    runner.run();
    runner.throwIfFailed();
    return executor.progress();
  }

  @Override
  public int doWork() {
    long now = nanoClock.getAsLong();
    if (!started) {
      started = true;
      deadline = now + timeout.toNanos();
    }
    if (now - deadline > 0) {
      executor.cancel();
      executor.doWork(now);
      timedOut = true;
      return 1;
    }
    int companion = alongside.applyAsInt(now);
    int work = executor.doWork(now) + companion;
    if (work > 0) {
      onProgress.accept(executor.progress());
    }
    return work;
  }

  @Override
  public long nanosUntilWork() {
    return started ? deadline - nanoClock.getAsLong() : 0;
  }

  @Override
  public boolean isDone() {
    return timedOut || executor.isFinished();
  }

  /** Aborts an unfinished execution when the loop ended because its thread was interrupted. */
  @Override
  public void onClose() {
    if (Thread.currentThread().isInterrupted() && !executor.isFinished()) {
      executor.abort();
    }
  }

  @Override
  public String roleName() {
    return "execution";
  }
}
