package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.rate.IdleStrategy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an {@link Agent} on its own thread: calls {@code doWork} until closed, idles through the
 * injected strategy between steps, and keeps the first error (which stops the agent).
 */
public final class AgentRunner implements AutoCloseable {

  private final Agent agent;
  private final IdleStrategy idle;
  private final Thread thread;
  private final AtomicReference<Throwable> error = new AtomicReference<>();
  private volatile boolean running = true;

  private AgentRunner(Agent agent, IdleStrategy idle) {
    this.agent = requireNonNull(agent, "agent");
    this.idle = requireNonNull(idle, "idle");
    this.thread = new Thread(this::loop, "ballast-" + agent.roleName());
    thread.setDaemon(true);
  }

  /** Starts {@code agent} on a new thread. */
  public static AgentRunner start(Agent agent, IdleStrategy idle) {
    AgentRunner runner = new AgentRunner(agent, idle);
    runner.thread.start();
    return runner;
  }

  private void loop() {
    try {
      while (running) {
        int work = agent.doWork();
        if (work == 0) {
          idle.idle(0, agent.nanosUntilWork());
        }
      }
    } catch (Throwable t) {
      error.compareAndSet(null, t);
    } finally {
      try {
        agent.onClose();
      } catch (Throwable t) {
        error.compareAndSet(null, t);
      }
    }
  }

  /** Returns the error that stopped the agent, or null. */
  public Throwable error() {
    return error.get();
  }

  /** Returns whether the agent's thread is still running. */
  public boolean isAlive() {
    return thread.isAlive();
  }

  /** Returns the agent. */
  public Agent agent() {
    return agent;
  }

  /** Asks the loop to stop after the current step, without waiting. */
  public void requestStop() {
    running = false;
  }

  /** Stops the loop and waits up to {@code timeout} for the agent to close. */
  public boolean stop(Duration timeout) {
    running = false;
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  @Override
  public void close() {
    if (!stop(Duration.ofSeconds(60))) {
      thread.interrupt();
    }
  }
}
