package dev.ballast.app.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a long-running command on Ctrl-C or SIGTERM: a shutdown hook runs {@code onSignal} (ask the
 * loop to stop, cancel what is in flight), then waits until the command {@link #close() closes}
 * this (its cleanup done), and says so. It waits on the command's cleanup, not on the main thread,
 * which never ends: it is blocked in {@code System.exit} while the hooks run.
 */
public final class StopOnSignal implements AutoCloseable {

  private final Thread hook;
  private final CountDownLatch done = new CountDownLatch(1);
  private final PrintWriter out;
  private volatile boolean signalled;

  private StopOnSignal(String what, Runnable onSignal, PrintWriter out, Duration maxWait) {
    this.out = requireNonNull(out, "out");
    requireNonNull(onSignal, "onSignal");
    this.hook =
        new Thread(
            () -> {
              signalled = true;
              out.println("stopping " + what + "...");
              out.flush();
              onSignal.run();
              try {
                if (!done.await(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                  out.println(what + " did not stop within " + maxWait.toSeconds() + " s; exiting");
                  out.flush();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ballast-stop-" + what);
  }

  /**
   * Installs the hook for {@code what} (e.g. "the balancer"); {@code onSignal} must return quickly,
   * and the cleanup after it may take up to {@code maxWait}.
   */
  public static StopOnSignal install(
      String what, Runnable onSignal, PrintWriter out, Duration maxWait) {
    StopOnSignal stop = new StopOnSignal(what, onSignal, out, maxWait);
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** Returns whether a signal asked the command to stop. */
  public boolean signalled() {
    return signalled;
  }

  /**
   * Marks the command's cleanup done: the hook, if running, says "stopped" and lets the JVM end.
   */
  @Override
  public void close() {
    if (signalled) {
      out.println("stopped");
      out.flush();
    } else {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM began shutting down just now; the hook sees done below.
      }
    }
    done.countDown();
  }
}
