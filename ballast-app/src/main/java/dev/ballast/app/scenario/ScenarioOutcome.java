package dev.ballast.app.scenario;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.workload.worker.WorkloadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what a scenario run recorded into its {@link ScenarioResult}: the figures of the executed
 * plans, the cluster before and after, and the checks (the common ones and the capacity fix's).
 */
final class ScenarioOutcome {

  private final ScenarioSpec spec;
  private final ScenarioRecorder recorder;
  private final CapacityFix capacity;

  ScenarioOutcome(ScenarioSpec spec, ScenarioRecorder recorder, CapacityFix capacity) {
    this.spec = spec;
    this.recorder = recorder;
    this.capacity = capacity;
  }

  /** Returns the result of a run that got as far as its load (checks only when it completed). */
  ScenarioResult result(
      Path dir,
      Map<String, Double> phases,
      String error,
      ClusterModel after,
      WorkloadResult workload,
      double triggerSeconds,
      Double convergenceSeconds) {
    List<Plan> plans = recorder.executedPlans();
    int moves = plans.stream().mapToInt(p -> p.summary().replicaMoves()).sum();
    int leaders = plans.stream().mapToInt(p -> p.summary().leadershipTransfers()).sum();
    long bytes = plans.stream().mapToLong(p -> p.summary().bytesToMove()).sum();
    ClusterModel end = after != null ? after : recorder.latest();
    ClusterModel before = recorder.before() != null ? recorder.before() : end;
    List<Check> checks = new ArrayList<>();
    if (error == null && workload != null) {
      checks.addAll(
          new ScenarioChecks(
                  spec, ScenarioChecks.Evidence.of(recorder, workload, convergenceSeconds))
              .all(before, end));
      if (capacity != null) {
        checks.addAll(capacity.checks());
      }
    }
    return new ScenarioResult(
        spec,
        dir,
        checks,
        before,
        end,
        recorder.timeline(),
        workload,
        triggerSeconds,
        convergenceSeconds,
        moves,
        leaders,
        bytes,
        recorder.executionStarts(),
        phases,
        recorder.anomalyLog(),
        error);
  }

  /** Returns the result of a run that stopped before its load started. */
  static ScenarioResult notStarted(
      ScenarioSpec spec, Path dir, Map<String, Double> phases, String error) {
    return new ScenarioResult(
        spec, dir, List.of(), null, null, List.of(), null, 0, null, 0, 0, 0, List.of(), phases,
        List.of(), error);
  }
}
