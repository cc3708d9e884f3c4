package dev.ballast.app.scenario;

import dev.ballast.app.task.fault.BackgroundAction;
import java.time.Duration;

/**
 * Starts the blocking actions of a step machine ({@link CapacityFix}) as jobs: on a thread of their
 * own in production, inline in tests.
 */
interface BackgroundJobs {

  /** Starts {@code action} and returns its handle. */
  Job start(Runnable action);

  /** Runs each action on a daemon thread ({@link BackgroundAction}). */
  BackgroundJobs THREADS =
      action -> {
        BackgroundAction a = BackgroundAction.start(action);
        return new Job() {
          @Override
          public boolean isDone() {
            return a.isDone();
          }

          @Override
          public void await(Duration limit) {
            a.await(limit);
          }
        };
      };

  /** A blocking action started off the step thread. */
  interface Job {

    /** Returns whether it ended well; throws {@link IllegalStateException} when it failed. */
    boolean isDone();

    /** Waits at most {@code limit} for it to end. */
    void await(Duration limit);
  }
}
