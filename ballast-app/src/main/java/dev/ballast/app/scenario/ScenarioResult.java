package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.scenario.ScenarioKeys.Balancing;
import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.workload.worker.WorkloadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A judged scenario run as {@code demo} and the reports read it: a thin view over its {@link
 * TaskResult}, whose recorded run holds what the scenario observed under {@code ScenarioKeys} and
 * whose verdicts are its checkers'. Nothing is stored here but the task result.
 *
 * @param task the judged run
 */
public record ScenarioResult(TaskResult task) {

  /** Validates. */
  public ScenarioResult {
    requireNonNull(task, "task");
    if (task.run().observation(ScenarioKeys.SPEC).isEmpty()) {
      throw new IllegalArgumentException(
          "the task result of " + task.run().task() + " has no scenario");
    }
  }

  private <T> T get(ObservationKey<T> key) {
    return task.run().observation(key).orElse(null);
  }

  private Balancing balancing() {
    Balancing b = get(ScenarioKeys.BALANCING);
    return b != null ? b : new Balancing(0, null, 0, 0, 0, List.of(), 0);
  }

  /** Returns the scenario (on the cluster's broker ids). */
  public ScenarioSpec spec() {
    return get(ScenarioKeys.SPEC);
  }

  /** Returns its results folder. */
  public Path dir() {
    Path dir = get(ScenarioKeys.DIR);
    return dir != null ? dir : task.resultsDir();
  }

  /** Returns the checks the reports show: every verdict but the run's own completion. */
  public List<Verdict> checks() {
    return task.verdicts().stream()
        .filter(v -> !v.checker().equals(ScenarioChecks.Completion.NAME))
        .toList();
  }

  /** Returns the cluster (with load) before the first execution, or null. */
  public ClusterModel before() {
    return get(ScenarioKeys.BEFORE);
  }

  /** Returns the cluster at the end, or null. */
  public ClusterModel after() {
    return get(ScenarioKeys.AFTER);
  }

  /** Returns the per-broker samples. */
  public List<TimelinePoint> timeline() {
    ScenarioKeys.Timeline t = get(ScenarioKeys.TIMELINE);
    return t == null ? List.of() : t.points();
  }

  /** Returns the workload's result, or null when it did not run to its end. */
  public WorkloadResult workload() {
    return get(ScenarioKeys.WORKLOAD);
  }

  /** Returns when the trigger fired (0 for none). */
  public double triggerSeconds() {
    return balancing().triggerSeconds();
  }

  /** Returns the time from trigger to the expected end, or null when not reached. */
  public Double convergenceSeconds() {
    return balancing().convergenceSeconds();
  }

  /** Returns the replica moves executed. */
  public int moves() {
    return balancing().moves();
  }

  /** Returns the leadership-only changes executed. */
  public int leaderChanges() {
    return balancing().leaderChanges();
  }

  /** Returns the bytes the executed plans copied. */
  public long bytesMoved() {
    return balancing().bytesMoved();
  }

  /** Returns when executions started (seconds since the load started). */
  public List<Double> executionStarts() {
    return balancing().executionStarts();
  }

  /** Returns the duration of each phase, in order. */
  public Map<String, Double> phaseSeconds() {
    ScenarioKeys.PhaseSeconds p = get(ScenarioKeys.PHASES);
    return p == null ? Map.of() : p.seconds();
  }

  /** Returns what the detector reported, timestamped. */
  public List<String> anomalies() {
    ScenarioKeys.Anomalies a = get(ScenarioKeys.ANOMALIES);
    return a == null ? List.of() : a.lines();
  }

  /** Returns why the run stopped early, or null. */
  public String error() {
    return get(ScenarioKeys.ERROR);
  }

  /**
   * Returns the verdict in one word: PASS, FAIL (a check failed or the run stopped on an error),
   * ERROR (the run broke) or INCONCLUSIVE (nothing failed, but something could not be judged, for
   * instance a run stopped by Ctrl-C).
   */
  public String verdict() {
    if (passed()) {
      return "PASS";
    }
    return error() != null || task.outcome() == Outcome.PASS ? "FAIL" : task.outcome().name();
  }

  /** Returns whether the run ran to its end and every check passed. */
  public boolean passed() {
    return error() == null && !checks().isEmpty() && task.outcome() == Outcome.PASS;
  }
}
