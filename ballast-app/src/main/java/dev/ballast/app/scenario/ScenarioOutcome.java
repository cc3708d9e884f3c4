package dev.ballast.app.scenario;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.workload.worker.WorkloadResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Records what a scenario run observed under {@link ScenarioKeys}: the figures of the executed
 * plans, the cluster before and after, the timeline, the load's result, and what the capacity fix
 * did and wrote. Its checkers and reports read nothing else.
 */
final class ScenarioOutcome {

  private final ScenarioRecorder recorder;
  private final CapacityFix capacity;

  ScenarioOutcome(ScenarioRecorder recorder, CapacityFix capacity) {
    this.recorder = recorder;
    this.capacity = capacity;
  }

  /**
   * Records into {@code out} what a run that got as far as its load observed: {@code after} is the
   * end state taken under load (null: the latest sample), {@code workload} the load's result (null:
   * it did not drain), {@code convergenceSeconds} null when the expected end was not reached.
   */
  void record(
      ScenarioObservations out,
      Path dir,
      ClusterModel after,
      WorkloadResult workload,
      double triggerSeconds,
      Double convergenceSeconds) {
    List<Plan> plans = recorder.executedPlans();
    ClusterModel end = after != null ? after : recorder.latest();
    ClusterModel before = recorder.before() != null ? recorder.before() : end;
    out.put(ScenarioKeys.BEFORE, before)
        .put(ScenarioKeys.AFTER, end)
        .put(ScenarioKeys.TIMELINE, new ScenarioKeys.Timeline(recorder.timeline()))
        .put(ScenarioKeys.WORKLOAD, workload)
        .put(
            ScenarioKeys.BALANCING,
            new ScenarioKeys.Balancing(
                triggerSeconds,
                convergenceSeconds,
                plans.stream().mapToInt(p -> p.summary().replicaMoves()).sum(),
                plans.stream().mapToInt(p -> p.summary().leadershipTransfers()).sum(),
                plans.stream().mapToLong(p -> p.summary().bytesToMove()).sum(),
                recorder.executionStarts(),
                recorder.failedExecutions()))
        .put(
            ScenarioKeys.LOAD_AT_END,
            new ScenarioKeys.LoadAtEnd(recorder.produceP99AtEnd(), recorder.ackedRateOverWindow()))
        .put(ScenarioKeys.ANOMALIES, new ScenarioKeys.Anomalies(recorder.anomalyLog()));
    if (capacity != null) {
      out.put(ScenarioKeys.CAPACITY, capacity.evidence())
          .put(ScenarioKeys.FIX_FILES, CapacityChecks.fixFiles(dir));
    }
  }
}
