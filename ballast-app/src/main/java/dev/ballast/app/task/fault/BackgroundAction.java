package dev.ballast.app.task.fault;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One blocking cluster action (a broker added, stopped or killed) on a daemon thread of its own, so
 * the steps that drive the load keep going meanwhile; its failure is kept for the next step.
 */
public final class BackgroundAction {

  private final Thread thread;
  private final AtomicReference<String> failure = new AtomicReference<>();

  private BackgroundAction(Runnable action) {
    requireNonNull(action, "action");
    this.thread =
        new Thread(
            () -> {
              try {
                action.run();
              } catch (RuntimeException e) {
                failure.set(e.getMessage() == null ? e.toString() : e.getMessage());
              }
            },
            "ballast-scenario-trigger");
    thread.setDaemon(true);
  }

  /** Starts {@code action} and returns its handle. */
  public static BackgroundAction start(Runnable action) {
    BackgroundAction a = new BackgroundAction(action);
    a.thread.start();
    return a;
  }

  /**
   * Returns whether the action has ended well; throws {@link IllegalStateException} ("trigger
   * failed: ...") when it failed.
   */
  public boolean isDone() {
    String f = failure.get();
    if (f != null) {
      throw new IllegalStateException("trigger failed: " + f);
    }
    return !thread.isAlive() && failure.get() == null;
  }

  /** Waits at most {@code limit} for the action to end. */
  public void await(Duration limit) {
    try {
      thread.join(limit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns whether {@code action} is done; null means nothing was started, which counts done. */
  static boolean done(BackgroundAction action) {
    return action == null || action.isDone();
  }

  /** Waits for {@code action} (if started) the usual 30 s. */
  static void await(BackgroundAction action) {
    if (action != null) {
      action.await(Duration.ofSeconds(30));
    }
  }
}
