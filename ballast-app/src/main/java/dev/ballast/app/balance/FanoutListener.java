package dev.ballast.app.balance;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.List;
import java.util.Map;

/**
 * Passes every event to the first listener, then to each of {@code more} (a live list: listeners
 * added later hear the events from then on).
 */
record FanoutListener(BalancerListener first, List<BalancerListener> more)
    implements BalancerListener {

  @Override
  public void onSample(ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canaryMs) {
    first.onSample(model, estimate, canaryMs);
    more.forEach(l -> l.onSample(model, estimate, canaryMs));
  }

  @Override
  public void onAnomalies(List<Anomaly> anomalies) {
    first.onAnomalies(anomalies);
    more.forEach(l -> l.onAnomalies(anomalies));
  }

  @Override
  public void onPlan(Plan plan, boolean executing, String note) {
    first.onPlan(plan, executing, note);
    more.forEach(l -> l.onPlan(plan, executing, note));
  }

  @Override
  public void onProgress(ExecutionProgress progress) {
    first.onProgress(progress);
    more.forEach(l -> l.onProgress(progress));
  }

  @Override
  public void onResume(ExecutionProgress progress) {
    first.onResume(progress);
    more.forEach(l -> l.onResume(progress));
  }

  @Override
  public void onExecutionFinished(ExecutionProgress progress) {
    first.onExecutionFinished(progress);
    more.forEach(l -> l.onExecutionFinished(progress));
  }

  @Override
  public void onCanary(CanaryLatencies latencies) {
    first.onCanary(latencies);
    more.forEach(l -> l.onCanary(latencies));
  }

  @Override
  public void onError(String message, Exception e) {
    first.onError(message, e);
    more.forEach(l -> l.onError(message, e));
  }
}
