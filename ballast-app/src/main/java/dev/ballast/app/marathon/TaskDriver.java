package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.TaskRunner;
import dev.ballast.core.loop.IdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;

/**
 * Runs a {@link TaskRunner} on a thread of its own and watches it from the calling thread: it
 * interrupts a step that overruns its deadline or a stop (the seed's controller interrupting a task
 * thread), and gives up on a thread that ignores the interrupt, or that has not ended {@link
 * TaskRunner#FINISH_AFTER_STOP} after a stop (a cleanup that hangs), so SIGTERM still exits in
 * time. The caller then ends the run with {@link TaskRunner#finishNow}.
 */
final class TaskDriver {

  /** How long a thread that was interrupted may take to come back before it is abandoned. */
  static final Duration ABANDON_AFTER = Duration.ofSeconds(20);

  private static final Duration WATCH = Duration.ofMillis(500);

  private final NanoClock clock;
  private final IdleStrategy idle;
  private final long watchMillis;

  TaskDriver(NanoClock clock, IdleStrategy idle) {
    this(clock, idle, WATCH);
  }

  /** Creates a driver that looks at the task's thread every {@code watch} (tests: often). */
  TaskDriver(NanoClock clock, IdleStrategy idle, Duration watch) {
    this.clock = requireNonNull(clock, "clock");
    this.idle = requireNonNull(idle, "idle");
    this.watchMillis = Math.max(1, watch.toMillis());
  }

  /**
   * Runs {@code runner} to its end and returns whether it ended on its own (false: its thread
   * ignored an interrupt, or a stop, and was abandoned, or died); {@code tick} runs between
   * watches.
   */
  boolean run(String name, TaskRunner runner, Runnable tick) throws InterruptedException {
    Thread thread =
        new Thread(
            () -> {
              while (!runner.isDone()) {
                long now = clock.nanoTime();
                if (runner.doWork(now) == 0) {
                  idle.idle(0, runner.nanosUntilWork(now));
                }
              }
            },
            "ballast-task-" + name);
    thread.setDaemon(true);
    thread.start();
    long overdueSince = Long.MIN_VALUE;
    while (thread.isAlive()) {
      thread.join(watchMillis);
      tick.run();
      long now = clock.nanoTime();
      if (runner.overdueAfterStop(now)) {
        thread.interrupt();
        return false; // the last resort: SIGTERM must not wait for a cleanup that hangs
      }
      if (!runner.shouldInterrupt(now)) {
        overdueSince = Long.MIN_VALUE;
        continue;
      }
      if (overdueSince == Long.MIN_VALUE) {
        overdueSince = now;
      } else if (now - overdueSince > ABANDON_AFTER.toNanos()) {
        return false;
      }
      thread.interrupt(); // again on every watch: a step may swallow one interrupt
    }
    return runner.isDone();
  }
}
