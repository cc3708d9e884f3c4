package dev.ballast.app.balance;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.List;
import java.util.Map;

/** Counts evaluations and failed executions, passing every event on to {@code next}. */
final class CountingListener implements BalancerListener {

  private final BalancerListener next;
  private volatile int evaluations;
  private volatile int failedExecutions;
  private volatile int plans;
  private volatile List<Anomaly> lastAnomalies = List.of();

  CountingListener(BalancerListener next) {
    this.next = next;
  }

  int evaluations() {
    return evaluations;
  }

  int failedExecutions() {
    return failedExecutions;
  }

  /**
   * Returns why a run that evaluated the cluster made no plan ("no plan: ..."), or null when it
   * made one (printed already) or never evaluated.
   */
  String noPlanReason() {
    if (plans > 0 || evaluations == 0) {
      return null;
    }
    List<Anomaly> actionable = lastAnomalies.stream().filter(Anomaly::actionable).toList();
    if (actionable.isEmpty()) {
      return "no plan: nothing to fix (no actionable anomaly; every goal is within its band)";
    }
    if (actionable.stream().allMatch(a -> a.kind() == AnomalyKind.IMBALANCE)) {
      return "no plan yet: an imbalance must persist over consecutive load windows before Ballast"
          + " moves data, and --once stops after the first; run without --once, or plan a"
          + " snapshot (ballast snapshot, then ballast plan --snapshot)";
    }
    return "no plan: no move repairs the anomalies above or improves the balance";
  }

  @Override
  public void onSample(ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canaryMs) {
    next.onSample(model, estimate, canaryMs);
  }

  @Override
  public void onAnomalies(List<Anomaly> anomalies) {
    evaluations++;
    lastAnomalies = List.copyOf(anomalies);
    next.onAnomalies(anomalies);
  }

  @Override
  public void onPlan(Plan plan, boolean executing, String note) {
    plans++;
    next.onPlan(plan, executing, note);
  }

  @Override
  public void onProgress(ExecutionProgress progress) {
    next.onProgress(progress);
  }

  @Override
  public void onResume(ExecutionProgress progress) {
    next.onResume(progress);
  }

  @Override
  public void onExecutionFinished(ExecutionProgress progress) {
    if (progress.phase() == ExecutionPhase.FAILED || progress.failed() > 0) {
      failedExecutions++;
    }
    next.onExecutionFinished(progress);
  }

  @Override
  public void onError(String message, Exception e) {
    next.onError(message, e);
  }
}
