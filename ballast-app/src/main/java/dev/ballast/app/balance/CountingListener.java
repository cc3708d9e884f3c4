package dev.ballast.app.balance;

import dev.ballast.core.detect.Anomaly;
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

  CountingListener(BalancerListener next) {
    this.next = next;
  }

  int evaluations() {
    return evaluations;
  }

  int failedExecutions() {
    return failedExecutions;
  }

  @Override
  public void onSample(ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canaryMs) {
    next.onSample(model, estimate, canaryMs);
  }

  @Override
  public void onAnomalies(List<Anomaly> anomalies) {
    evaluations++;
    next.onAnomalies(anomalies);
  }

  @Override
  public void onPlan(Plan plan, boolean executing, String note) {
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
