package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.IdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The waits of an external cluster's broker actions (a command to end, a broker to leave or
 * register), each bounded by {@code limit} on an injected clock, idling between polls with an
 * injected strategy: a stop or an interrupt ends any of them within one idle (at most 50 ms by
 * default), so the runner can interrupt a task at any point. Every failure is an {@link
 * InfrastructureException}.
 */
final class BoundedWaits {

  /** How often the cluster is asked whether a change shows. */
  static final Duration POLL = Duration.ofMillis(500);

  /** How often a running command is looked at. */
  static final Duration COMMAND_POLL = Duration.ofMillis(50);

  private final NanoClock clock;
  private final IdleStrategy idle;
  private final BooleanSupplier stopped;
  private final Duration limit;

  BoundedWaits(NanoClock clock, IdleStrategy idle, BooleanSupplier stopped, Duration limit) {
    this.clock = requireNonNull(clock, "clock");
    this.idle = requireNonNull(idle, "idle");
    this.stopped = requireNonNull(stopped, "stopped");
    this.limit = requireNonNull(limit, "limit");
  }

  /** Returns the limit of each wait. */
  Duration limit() {
    return limit;
  }

  /** Polls {@code done} every {@link #POLL} until it is true, at most {@link #limit()}. */
  void until(String what, BooleanSupplier done) {
    long start = clock.nanoTime();
    while (true) {
      if (done.getAsBoolean()) {
        return;
      }
      long nextPoll = clock.nanoTime() + POLL.toNanos();
      while (clock.nanoTime() - nextPoll < 0) {
        checkNotStopped("waiting for " + what);
        if (clock.nanoTime() - start > limit.toNanos()) {
          throw new InfrastructureException("gave up after " + limit + " waiting for " + what);
        }
        idle.idle(0, Math.min(COMMAND_POLL.toNanos(), nextPoll - clock.nanoTime()));
      }
    }
  }

  /**
   * What a command came to.
   *
   * @param exitValue its exit code
   * @param output what it wrote, stripped
   */
  record Ended(int exitValue, String output) {}

  /**
   * Runs {@code command} (the value of {@code option}) with {@code env} to its end and returns how
   * it ended; kills it when it outlasts {@link #limit()}, a stop or an interrupt.
   */
  Ended run(CommandRunner runner, String option, String command, Map<String, String> env) {
    CommandRunner.Running c;
    try {
      c = runner.start(command, env);
    } catch (IOException e) {
      throw new InfrastructureException("cannot run " + option + " '" + command + "': " + e, e);
    }
    long start = clock.nanoTime();
    try {
      while (c.isAlive()) {
        checkNotStopped("running " + option);
        if (clock.nanoTime() - start > limit.toNanos()) {
          throw new InfrastructureException(
              option + " did not finish within " + limit + ": " + command);
        }
        idle.idle(0, COMMAND_POLL.toNanos());
      }
    } catch (RuntimeException e) {
      c.kill();
      throw e;
    }
    try {
      return new Ended(c.exitValue(), c.output());
    } catch (IOException e) {
      throw new InfrastructureException("reading the output of " + option + ": " + e, e);
    }
  }

  /** Throws when a stop was requested or this thread was interrupted (the flag is kept). */
  private void checkNotStopped(String what) {
    if (Thread.currentThread().isInterrupted()) {
      throw new InfrastructureException(
          "interrupted while " + what, new InterruptedException("interrupted while " + what));
    }
    if (stopped.getAsBoolean()) {
      throw new InfrastructureException("stopped while " + what);
    }
  }
}
