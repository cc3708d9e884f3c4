package dev.ballast.core.loop;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an {@link Agent}: calls {@code doWork} until stopped, interrupted or the agent is done,
 * idles through the injected strategy when a step did nothing, asks the injected error handler
 * whether a failed step stops the loop, keeps the first error that stopped it, and calls {@code
 * onClose} once at the end. Runs on its own thread ({@link #start}) or on the caller's ({@link
 * #onCallerThread} then {@link #run()}).
 */
public final class AgentRunner implements AutoCloseable {

  private final Agent agent;
  private final IdleStrategy idle;
  private final ErrorHandler errors;
  private final Thread thread;
  private final AtomicReference<Throwable> error = new AtomicReference<>();
  private final AtomicBoolean entered = new AtomicBoolean();
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Thread loopThread;
  private volatile boolean running = true;

  private AgentRunner(Agent agent, IdleStrategy idle, ErrorHandler errors, boolean ownThread) {
    this.agent = requireNonNull(agent, "agent");
    this.idle = requireNonNull(idle, "idle");
    this.errors = requireNonNull(errors, "errors");
    this.thread = ownThread ? new Thread(this::run, "ballast-" + agent.roleName()) : null;
    if (thread != null) {
      thread.setDaemon(true);
    }
  }

  /** Starts {@code agent} on a new daemon thread; the first error stops it. */
  public static AgentRunner start(Agent agent, IdleStrategy idle) {
    return start(agent, idle, ErrorHandler.stopOnFirst());
  }

  /** Starts {@code agent} on a new daemon thread named {@code ballast-<roleName>}. */
  public static AgentRunner start(Agent agent, IdleStrategy idle, ErrorHandler errors) {
    AgentRunner runner = new AgentRunner(agent, idle, errors, /* ownThread= */ true);
    runner.thread.start();
    return runner;
  }

  /** Returns a runner whose loop runs on the thread that calls {@link #run()}. */
  public static AgentRunner onCallerThread(Agent agent, IdleStrategy idle, ErrorHandler errors) {
    return new AgentRunner(agent, idle, errors, /* ownThread= */ false);
  }

  /** Runs the loop on the calling thread until it ends; a runner's loop runs once. */
  public void run() {
    if (!entered.compareAndSet(false, true)) {
      throw new IllegalStateException("the loop of " + agent.roleName() + " already ran");
    }
    loopThread = Thread.currentThread();
    try {
      while (running && !agent.isDone() && !Thread.currentThread().isInterrupted()) {
        step();
      }
    } finally {
      try {
        agent.onClose();
      } catch (Throwable t) {
        error.compareAndSet(null, t);
      }
      ended.countDown();
    }
  }

  private void step() {
    int work;
    try {
      work = agent.doWork();
    } catch (Throwable t) {
      failed(t);
      return;
    }
    if (work <= 0) {
      idle.idle(0, agent.nanosUntilWork());
    }
  }

  private void failed(Throwable t) {
    ErrorHandler.Decision decision;
    try {
      decision = requireNonNull(errors.onError(t), "error handler's decision");
    } catch (Throwable fromHandler) {
      error.compareAndSet(null, fromHandler);
      running = false;
      return;
    }
    if (decision.stops()) {
      error.compareAndSet(null, t);
      running = false;
    } else if (decision.backoffNanos() > 0 && running) {
      LockSupport.parkNanos(decision.backoffNanos());
    }
  }

  /** Returns the error that stopped the agent (or that {@code onClose} threw), or null. */
  public Throwable error() {
    return error.get();
  }

  /** Throws the error that stopped the agent, if any: unchecked as is, checked wrapped. */
  public void throwIfFailed() {
    Throwable t = error.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(agent.roleName() + " failed: " + t, t);
    }
  }

  /** Returns whether the loop has not ended yet (also before it started). */
  public boolean isAlive() {
    return ended.getCount() > 0;
  }

  /** Returns the agent. */
  public Agent agent() {
    return agent;
  }

  /** Asks the loop to stop after the current step (cutting an error back-off), without waiting. */
  public void requestStop() {
    running = false;
    Thread t = loopThread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Stops the loop and waits up to {@code timeout} for the agent to close. */
  public boolean stop(Duration timeout) {
    requestStop();
    if (thread == null && !entered.get()) {
      return true; // a caller-thread loop that has not run yet never will
    }
    try {
      return ended.await(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !isAlive();
    }
  }

  /** Stops the loop, waiting up to 60 s, then interrupts its own thread if it has not ended. */
  @Override
  public void close() {
    if (!stop(Duration.ofSeconds(60)) && thread != null) {
      thread.interrupt();
    }
  }
}
