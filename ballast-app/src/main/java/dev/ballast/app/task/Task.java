package dev.ballast.app.task;

import java.util.List;

/**
 * One test task: its requirements, four phases and the checkers that judge it. A {@link TaskType}
 * creates it from its YAML config; a runner drives it, one task at a time, on one thread.
 *
 * <p><b>The step contract.</b> The runner calls a phase method again and again until it returns
 * {@link Progress#DONE}; between calls it waits at most {@link Progress#nanosUntilNext()} and
 * checks the phase and task timeouts and stop requests. A step does what is due at {@code now} and
 * returns: it starts load, looks at the cluster, injects a fault, and keeps its own state in fields
 * (start times, what it is waiting for). A step may block on one cluster action (a broker kill that
 * waits until the broker has left) but must not wait for minutes, and every blocking call in it
 * must be interruptible: on a timeout or SIGTERM the runner interrupts the thread if the step does
 * not return in time. Read time only from {@code now} or {@link TaskContext#clock()}; never sleep.
 *
 * <p><b>Failure.</b> A phase that throws {@link InfrastructureException} makes the run
 * INCONCLUSIVE; any other exception makes it ERROR. Either way the runner goes straight to {@link
 * #cleanup}, which it always calls (also after a timeout or a stop) and which must undo whatever
 * the earlier phases did, whichever phase they reached. After cleanup the runner gives the {@link
 * RecordedRun} to every checker of {@link #checkers()} (and those named in the YAML).
 */
public interface Task {

  /** Returns what the task needs from the cluster; checked before prepare. */
  default Requirements requirements() {
    return Requirements.NONE;
  }

  /** Creates topics, groups and workers; called until it returns DONE. */
  Progress prepare(TaskContext context, long now) throws Exception;

  /** Brings load to a steady state (nothing measured counts yet); called until DONE. */
  default Progress warmUp(TaskContext context, long now) throws Exception {
    return Progress.DONE;
  }

  /** Runs the load and faults the task is about, recording observations; called until DONE. */
  Progress workload(TaskContext context, long now) throws Exception;

  /**
   * Stops the load, undoes faults and deletes what prepare created; called until DONE, always,
   * whatever phase the task reached and however it ended.
   */
  Progress cleanup(TaskContext context, long now) throws Exception;

  /** Returns the checkers that judge this task's recorded run (pure; see {@link Checker}). */
  List<Checker> checkers();
}
