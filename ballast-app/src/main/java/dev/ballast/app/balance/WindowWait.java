package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.cli.StopOnSignal;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for an {@link ExecuteWindow} to open: says when it starts, then waits on a latch that
 * Ctrl-C (or a test) counts down, so the wait ends at once when asked. Time comes from an injected
 * {@link Clock}.
 */
public final class WindowWait {

  /** The longest single wait, so that a clock change (NTP, a laptop waking) is seen soon. */
  static final Duration MAX_STEP = Duration.ofMinutes(1);

  private final Clock clock;
  private final Duration maxStep;
  private final CountDownLatch stop = new CountDownLatch(1);

  /** Creates a wait that reads {@code clock}. */
  public WindowWait(Clock clock) {
    this(clock, MAX_STEP);
  }

  /** Creates a wait that reads {@code clock} at least every {@code maxStep} (tests: short). */
  WindowWait(Clock clock, Duration maxStep) {
    this.clock = requireNonNull(clock, "clock");
    this.maxStep = requireNonNull(maxStep, "maxStep");
  }

  /** Ends the wait at once (from any thread); {@link #await} then returns false. */
  public void stop() {
    stop.countDown();
  }

  /**
   * Returns true once {@code window} is open (at once when it is), false when stopped or
   * interrupted first; tells {@code out} when it will start.
   */
  public boolean await(ExecuteWindow window, PrintWriter out) {
    Instant now = clock.instant();
    Instant open = window.nextStart(now);
    if (!open.isAfter(now)) {
      return true;
    }
    out.printf(
        "outside the execute window %s: starting at %s (in %s); Ctrl-C stops, nothing is"
            + " started before%n",
        window.text(), open, human(Duration.between(now, open)));
    out.flush();
    try {
      for (Instant t = now; t.isBefore(open); t = clock.instant()) {
        Duration left = Duration.between(t, open);
        long nanos = Math.max(1, Math.min(left.toNanos(), maxStep.toNanos()));
        if (stop.await(nanos, TimeUnit.NANOSECONDS)) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return stop.getCount() > 0;
  }

  /**
   * Waits until {@code window} opens on {@code clock}, Ctrl-C ending the wait; returns false when
   * it did (nothing was started), true once the window is open, saying until when.
   */
  public static boolean untilOpen(ExecuteWindow window, Clock clock, PrintWriter out) {
    WindowWait wait = new WindowWait(clock);
    try (StopOnSignal stop =
        StopOnSignal.install("the wait", wait::stop, out, Duration.ofSeconds(5))) {
      if (!wait.await(window, out)) {
        out.println("stopped before the execute window opened; nothing was executed");
        out.flush();
        return false;
      }
    }
    out.printf(
        "the execute window %s is open until %s%n",
        window.text(), window.closeAfter(clock.instant()));
    out.flush();
    return true;
  }

  /** Returns {@code d} as "3 h 12 min", "45 s". */
  static String human(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + " s";
    }
    long h = s / 3600;
    long min = (s % 3600 + 59) / 60;
    if (min == 60) {
      h++;
      min = 0;
    }
    return h > 0 ? h + " h " + min + " min" : min + " min";
  }
}
