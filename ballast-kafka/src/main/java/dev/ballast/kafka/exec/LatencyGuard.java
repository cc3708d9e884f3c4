package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Paces an execution by what the canary and the ISR show: every window it takes the canary's
 * produce p99 (all brokers' probes pooled) and the partitions out of sync outside the moves, and
 * either halves the moves in flight and the throttle (p99 over the limit, or the ISR shrank) or
 * adds one move and a throttle step (AIMD). The decision itself is the pure {@link
 * #calculateDecision}; this class only collects the window.
 */
final class LatencyGuard {

  private final GuardSettings settings;
  private final List<Double> probesMs = new ArrayList<>();
  private GuardDecision current;
  private long nextDecisionNanos;
  private boolean scheduled;

  /** Creates a guard at its starting pace, seeing {@code underReplicated} partitions at start. */
  LatencyGuard(GuardSettings settings, int underReplicated) {
    this.settings = requireNonNull(settings, "settings");
    this.current = calculateStart(settings, underReplicated);
  }

  /** Adds a canary round (latency per broker, ms) to the current window. */
  synchronized void onCanaryRound(Map<Integer, Double> latenciesMs) {
    probesMs.addAll(latenciesMs.values());
  }

  /** Returns whether a decision is due at {@code nowNanos}; the first call starts the clock. */
  synchronized boolean isDue(long nowNanos) {
    if (!scheduled) {
      scheduled = true;
      nextDecisionNanos = nowNanos + settings.window().toNanos();
      probesMs.clear(); // probes from before the moves started are not theirs
      return false;
    }
    return nowNanos - nextDecisionNanos >= 0;
  }

  /** Decides the next pace from the window that ends at {@code nowNanos}, and starts a new one. */
  synchronized GuardDecision decide(long nowNanos, int underReplicated) {
    current = calculateDecision(settings, current, calculateP99(probesMs), underReplicated);
    probesMs.clear();
    nextDecisionNanos = nowNanos + settings.window().toNanos();
    return current;
  }

  /** Returns the pace in force. */
  synchronized GuardDecision current() {
    return current;
  }

  /** Returns the starting pace: one move and one throttle step (at least the minimum). Pure. */
  static GuardDecision calculateStart(GuardSettings s, int underReplicated) {
    return new GuardDecision(
        0,
        GuardDecision.Action.START,
        OptionalDouble.empty(),
        s.limitMs(),
        underReplicated,
        1,
        clamp(s.throttleStep(), s),
        "starting cautiously");
  }

  /**
   * Returns the pace after a window in which the canary's p99 was {@code p99Ms} (empty: no probe
   * answered) and {@code underReplicated} partitions outside the moves were out of sync. Over the
   * limit, or more out of sync than at the last decision: moves and throttle times the back-off
   * (floors 1 and the minimum throttle). No probe: hold (no data is no reason to speed up). Else
   * one more move and a throttle step, up to the maxima. Pure.
   */
  static GuardDecision calculateDecision(
      GuardSettings s, GuardDecision last, OptionalDouble p99Ms, int underReplicated) {
    int window = last.window() + 1;
    boolean slow = p99Ms.isPresent() && p99Ms.getAsDouble() > s.limitMs();
    boolean shrank = underReplicated > last.underReplicated();
    if (slow || shrank) {
      int moves = Math.max(1, (int) Math.floor(last.moves() * s.backOff()));
      long throttle = clamp((long) Math.floor(last.throttle() * s.backOff()), s);
      String why =
          slow
              ? String.format(Locale.ROOT, "p99 over the limit, backing off (x%.2f)", s.backOff())
              : "the ISR shrank ("
                  + last.underReplicated()
                  + " -> "
                  + underReplicated
                  + "), backing off";
      return new GuardDecision(
          window,
          GuardDecision.Action.BACK_OFF,
          p99Ms,
          s.limitMs(),
          underReplicated,
          moves,
          throttle,
          why);
    }
    if (p99Ms.isEmpty()) {
      return new GuardDecision(
          window,
          GuardDecision.Action.HOLD,
          p99Ms,
          s.limitMs(),
          underReplicated,
          last.moves(),
          last.throttle(),
          "no canary latency in the window, holding");
    }
    int moves = Math.min(s.maxMoves(), last.moves() + 1);
    long throttle = clamp(last.throttle() + s.throttleStep(), s);
    boolean raised = moves != last.moves() || throttle != last.throttle();
    return new GuardDecision(
        window,
        raised ? GuardDecision.Action.RAISE : GuardDecision.Action.HOLD,
        p99Ms,
        s.limitMs(),
        underReplicated,
        moves,
        throttle,
        raised ? "under the limit, raising" : "under the limit, at the maximum pace");
  }

  /** Returns the nearest-rank p99 of {@code valuesMs}, empty for none. Pure. */
  static OptionalDouble calculateP99(List<Double> valuesMs) {
    if (valuesMs.isEmpty()) {
      return OptionalDouble.empty();
    }
    List<Double> sorted = new ArrayList<>(valuesMs);
    sorted.sort(Double::compare);
    int rank = (int) Math.ceil(0.99 * sorted.size()) - 1;
    return OptionalDouble.of(sorted.get(Math.max(0, rank)));
  }

  private static long clamp(long throttle, GuardSettings s) {
    return Math.max(s.minThrottle(), Math.min(s.maxThrottle(), throttle));
  }
}
