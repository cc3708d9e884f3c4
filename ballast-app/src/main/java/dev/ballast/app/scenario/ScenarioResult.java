package dev.ballast.app.scenario;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.workload.worker.WorkloadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a scenario run produced: its checks, the cluster before and after balancing, the timeline,
 * the workload's verdict, and the figures of the balancing.
 *
 * @param spec the scenario
 * @param dir its results folder
 * @param checks the verified properties, in order
 * @param before the cluster (with load) before the first execution, or null
 * @param after the cluster at the end, or null
 * @param timeline per-broker samples
 * @param workload the workload's result, or null when it did not run
 * @param triggerSeconds when the trigger fired (0 for none)
 * @param convergenceSeconds time from trigger to the expected end, or null when not reached
 * @param moves replica moves executed
 * @param leaderChanges leadership-only changes executed
 * @param bytesMoved bytes the executed plans copied
 * @param executionStarts when executions started (seconds since the load started)
 * @param phaseSeconds duration of each phase
 * @param anomalies what the detector reported, timestamped
 * @param error why the run stopped early, or null
 */
public record ScenarioResult(
    ScenarioSpec spec,
    Path dir,
    List<Check> checks,
    ClusterModel before,
    ClusterModel after,
    List<TimelinePoint> timeline,
    WorkloadResult workload,
    double triggerSeconds,
    Double convergenceSeconds,
    int moves,
    int leaderChanges,
    long bytesMoved,
    List<Double> executionStarts,
    Map<String, Double> phaseSeconds,
    List<String> anomalies,
    String error) {

  /** Returns whether every check passed and nothing went wrong. */
  public boolean passed() {
    return error == null && !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }
}
