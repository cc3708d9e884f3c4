package dev.ballast.app.scenario;

import dev.ballast.core.model.ClusterModel;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * When a scenario's workload phase ends: once the expected end was reached (convergence, timed from
 * the trigger) and then held for a settle time and a full load window taken wholly after it
 * (sampling slows under load), with the clients recovered from the fault; or when the time is up.
 */
final class ScenarioEnd {

  /** Samples after convergence before the end is judged: a full window, plus a margin. */
  static final int SETTLE_SAMPLES = ScenarioRun.WINDOW + 2;

  private final ScenarioOptions options;
  private final Duration limit;
  private long workStart;
  private Double convergenceSeconds;
  private boolean settling;
  private long settleFrom;
  private int samplesAtConvergence;

  /**
   * Creates the end of a workload phase that may run the convergence timeout plus {@code extra}.
   */
  ScenarioEnd(ScenarioOptions options, Duration extra) {
    this.options = options;
    this.limit = options.convergenceTimeout().plus(extra);
  }

  /** Starts the clock of the workload phase at {@code now}. */
  void start(long now) {
    workStart = now;
  }

  /** Returns the seconds from the trigger to the expected end, or null while not reached. */
  Double convergenceSeconds() {
    return convergenceSeconds;
  }

  /**
   * Takes one look at {@code now}: {@code atEnd} whether the expected end holds, {@code executing}
   * whether the balancer is moving partitions, {@code recovered} whether the clients are past the
   * fault. Returns whether the workload phase is over.
   */
  boolean observe(
      long now,
      boolean atEnd,
      boolean executing,
      boolean recovered,
      ScenarioRecorder recorder,
      double triggerSeconds,
      ExperimentLog log) {
    if (atEnd && convergenceSeconds == null) {
      convergenceSeconds = recorder.seconds() - triggerSeconds;
      log.line(
          String.format(
              Locale.ROOT,
              "converged %.1f s after the trigger; observing the end state",
              convergenceSeconds));
      settling = true;
      settleFrom = now;
      samplesAtConvergence = recorder.samples();
    }
    if (!atEnd && convergenceSeconds != null && !executing) {
      convergenceSeconds = null; // the end state did not hold
      settling = false;
    }
    if (settling
        && now - settleFrom >= options.settle().toNanos()
        && recorder.samples() - samplesAtConvergence >= SETTLE_SAMPLES
        && recovered) {
      return true;
    }
    if (now - workStart > limit.toNanos()) {
      log.line("no convergence within " + limit.toSeconds() + " s");
      return true;
    }
    return false;
  }

  /**
   * Returns whether {@code m} (null: not sampled yet) shows the expected end {@code e}: the exact
   * replicas and leaders per broker it lists, and the metric balanced when it asks for that. Pure;
   * {@code counts} gives {replicas, leaders} of the scenario's topic per broker.
   */
  static boolean reached(
      Expectation e, ClusterModel m, Function<ClusterModel, Map<Integer, int[]>> counts) {
    if (m == null) {
      return false;
    }
    Map<Integer, int[]> c = counts.apply(m);
    if (!matches(e.replicasPerBroker(), c, 0) || !matches(e.leadersPerBroker(), c, 1)) {
      return false;
    }
    return !e.balancedAfter()
        || ScenarioChecks.maxOverMean(m, e.metric()) <= ScenarioChecks.BALANCED_AFTER;
  }

  private static boolean matches(
      Map<Integer, Integer> expected, Map<Integer, int[]> counts, int index) {
    if (expected == null) {
      return true;
    }
    for (var x : expected.entrySet()) {
      if (counts.getOrDefault(x.getKey(), new int[2])[index] != x.getValue()) {
        return false;
      }
    }
    return true;
  }
}
