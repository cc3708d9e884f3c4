package dev.ballast.app.marathon;

import dev.ballast.app.task.Event;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskResult;

/**
 * What the marathon tells alerts, metrics and the dashboard. Called from the marathon's threads;
 * implementations must not throw and must not block for long.
 */
public interface MarathonListener {

  /** A task run of {@code round} starts. */
  default void taskStarted(int round, String task, String type) {}

  /** An event of the current run (phases, faults, verdicts). */
  default void event(Event event) {}

  /** The current run's phase changed ({@code null}: between tasks). */
  default void phase(String task, TaskPhase phase) {}

  /** A run ended and was judged. */
  default void taskEnded(TaskResult result) {}

  /** Called about every half second while a task runs (re-sending active alerts). */
  default void tick() {}

  /** The marathon is over (rounds done, duration reached, or stopped). */
  default void marathonEnded() {}

  /** Returns a listener that tells {@code listeners} in order, each failure contained. */
  static MarathonListener all(java.util.List<MarathonListener> listeners) {
    java.util.List<MarathonListener> list = java.util.List.copyOf(listeners);
    return new MarathonListener() {
      private void each(java.util.function.Consumer<MarathonListener> call) {
        for (MarathonListener l : list) {
          try {
            call.accept(l);
          } catch (RuntimeException e) {
            // A broken listener (an unreachable Alertmanager) never stops the marathon.
          }
        }
      }

      @Override
      public void taskStarted(int round, String task, String type) {
        each(l -> l.taskStarted(round, task, type));
      }

      @Override
      public void event(Event event) {
        each(l -> l.event(event));
      }

      @Override
      public void phase(String task, TaskPhase phase) {
        each(l -> l.phase(task, phase));
      }

      @Override
      public void taskEnded(TaskResult result) {
        each(l -> l.taskEnded(result));
      }

      @Override
      public void tick() {
        each(MarathonListener::tick);
      }

      @Override
      public void marathonEnded() {
        each(MarathonListener::marathonEnded);
      }
    };
  }
}
