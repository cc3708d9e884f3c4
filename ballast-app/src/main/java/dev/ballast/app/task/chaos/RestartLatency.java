package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The produce latency of a rolling restart, broker by broker: for each restart, the worst period
 * p99 from its stop to the next broker's stop (or the end of the load), and when in that span the
 * slow periods were, relative to the stop, the start and the return to every ISR.
 */
final class RestartLatency {

  private RestartLatency() {}

  /**
   * One broker's span.
   *
   * @param broker the broker restarted
   * @param worstP99 the worst period p99 from the intended send time, ms (0: no period)
   * @param worstSendP99 the worst period p99 from the actual send, ms
   * @param worstScheduleDelay the worst delay of a send behind its intended time, ms
   * @param slow the periods whose p99 passed the threshold, as "+S s: P ms (send Q ms, blocked R
   *     ms)" with S the seconds after the stop
   */
  record Span(
      int broker,
      double worstP99,
      double worstSendP99,
      double worstScheduleDelay,
      List<String> slow) {

    /** Copies. */
    Span {
      slow = List.copyOf(slow);
    }
  }

  /**
   * Returns the span of every restart in {@code restarts}, from {@code latencies}; {@code endNanos}
   * closes the last span; periods whose p99 is above {@code slowMillis} are listed.
   */
  static List<Span> calculate(
      List<Observed.Restart> restarts,
      List<Observed.LatencySample> latencies,
      long endNanos,
      double slowMillis) {
    requireNonNull(restarts, "restarts");
    requireNonNull(latencies, "latencies");
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < restarts.size(); i++) {
      Observed.Restart r = restarts.get(i);
      long to = i + 1 < restarts.size() ? restarts.get(i + 1).stopNanos() : endNanos;
      double p99 = 0;
      double send = 0;
      double blocked = 0;
      List<String> slow = new ArrayList<>();
      for (Observed.LatencySample s : latencies) {
        if (s.nanos() <= r.stopNanos() || s.nanos() > to) {
          continue;
        }
        p99 = Math.max(p99, s.intendedP99());
        send = Math.max(send, s.sendP99());
        blocked = Math.max(blocked, s.scheduleDelayMax());
        if (s.intendedP99() > slowMillis) {
          slow.add(
              String.format(
                  Locale.ROOT,
                  "+%.1f s: %.0f ms (send %.0f ms, blocked %.0f ms)",
                  (s.nanos() - r.stopNanos()) / 1e9,
                  s.intendedP99(),
                  s.sendP99(),
                  s.scheduleDelayMax()));
        }
      }
      spans.add(new Span(r.broker(), p99, send, blocked, slow));
    }
    return spans;
  }

  /**
   * Returns one line about {@code span} of {@code restart}: its worst p99, when the broker was
   * stopped ({@code stoppedNanos}, -1: unknown), started and back, and its slow periods.
   */
  static String describe(Span span, Observed.Restart restart, long stoppedNanos) {
    return String.format(
        Locale.ROOT,
        "broker %d: produce p99 up to %.0f ms (send p99 %.0f ms, blocked up to %.0f ms) from its"
            + " stop to the next; shut down +%.1f s, started +%.1f s, in every ISR +%.1f s; slow"
            + " periods (their end): %s",
        span.broker(),
        span.worstP99(),
        span.worstSendP99(),
        span.worstScheduleDelay(),
        stoppedNanos < 0 ? -1 : (stoppedNanos - restart.stopNanos()) / 1e9,
        restart.restartNanos() < 0 ? -1 : (restart.restartNanos() - restart.stopNanos()) / 1e9,
        restart.seconds(),
        span.slow().isEmpty() ? "none" : String.join("; ", span.slow()));
  }
}
