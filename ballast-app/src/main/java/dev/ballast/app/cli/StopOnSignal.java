package dev.ballast.app.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops a long-running command on Ctrl-C or SIGTERM: a signal handler runs {@code onSignal} (ask
 * the loop to stop, cancel what is in flight) and the command ends its own way, cleans up and
 * returns; only then does the JVM shut down. A shutdown hook could not do that: the JVM runs every
 * hook at once, so an embedded cluster's hook killed the brokers under the command's cleanup (its
 * report unwritten, "Shutdown in progress" from whatever registered a hook meanwhile).
 *
 * <p>A second signal exits at once (the shutdown hooks still run). A command that has not closed
 * this within {@code maxWait} of the signal is exited. Where the JVM does not let us handle the
 * signals ({@code -Xrs}), a shutdown hook does the same as before: stop, wait for the close.
 */
public final class StopOnSignal implements AutoCloseable {

  private final String what;
  private final Runnable onSignal;
  private final PrintWriter out;
  private final Duration maxWait;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private Thread hook;
  private volatile boolean signalled;

  private StopOnSignal(String what, Runnable onSignal, PrintWriter out, Duration maxWait) {
    this.what = requireNonNull(what, "what");
    this.onSignal = requireNonNull(onSignal, "onSignal");
    this.out = requireNonNull(out, "out");
    this.maxWait = requireNonNull(maxWait, "maxWait");
  }

  /**
   * Installs the handlers for {@code what} (e.g. "the balancer"); {@code onSignal} must return
   * quickly, and the cleanup after it may take up to {@code maxWait}.
   */
  public static StopOnSignal install(
      String what, Runnable onSignal, PrintWriter out, Duration maxWait) {
    StopOnSignal stop = new StopOnSignal(what, onSignal, out, maxWait);
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal signal = new Signal(name);
        SignalHandler old = Signal.handle(signal, stop::onSignal);
        stop.signals.add(signal);
        stop.previous.add(old);
      } catch (IllegalArgumentException e) {
        // not available on this platform or JVM (-Xrs): the hook below covers it
      }
    }
    if (stop.signals.size() < 2) {
      stop.hook = new Thread(stop::stopFromHook, "ballast-stop-" + what);
      Runtime.getRuntime().addShutdownHook(stop.hook);
    }
    return stop;
  }

  /** Returns whether a signal asked the command to stop. */
  public boolean signalled() {
    return signalled;
  }

  /** Simulates the first signal (for tests): what a Ctrl-C does. */
  void signal(String name) {
    onSignal(new Signal(name));
  }

  private void onSignal(Signal sig) {
    if (!stopping.compareAndSet(false, true)) {
      out.println("SIG" + sig.getName() + " again: exiting now");
      out.flush();
      exitLater(128 + sig.getNumber());
      return;
    }
    signalled = true;
    out.println("stopping " + what + "... (again to quit at once)");
    out.flush();
    onSignal.run();
    Thread watchdog =
        new Thread(
            () -> {
              if (!awaitDone()) {
                out.println(what + " did not stop within " + maxWait.toSeconds() + " s; exiting");
                out.flush();
                System.exit(128 + sig.getNumber());
              }
            },
            "ballast-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static void exitLater(int status) {
    Thread t = new Thread(() -> System.exit(status), "ballast-exit");
    t.setDaemon(true);
    t.start();
  }

  private void stopFromHook() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    signalled = true;
    out.println("stopping " + what + "...");
    out.flush();
    onSignal.run();
    awaitDone();
  }

  private boolean awaitDone() {
    try {
      return done.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Marks the command's cleanup done and gives the signals back to the JVM; says "stopped" when a
   * signal had asked for it.
   */
  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
    if (signalled) {
      out.println("stopped");
      out.flush();
    } else if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM began shutting down just now; the hook sees done below.
      }
    }
    done.countDown();
  }
}
