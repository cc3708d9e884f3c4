package dev.ballast.app.balance;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.List;

/** What the balancer service reports as it works; every method has a no-op default. */
public interface BalancerListener {

  /** A load sample was taken; {@code model} is the cluster with the load estimated so far. */
  default void onSample(
      ClusterModel model, LoadEstimate estimate, java.util.Map<Integer, Double> canaryMs) {}

  /** The detector ran and found {@code anomalies} (possibly none). */
  default void onAnomalies(List<Anomaly> anomalies) {}

  /** A plan was made for the anomalies; {@code executing} is false in dry-run or when skipped. */
  default void onPlan(Plan plan, boolean executing, String note) {}

  /** The executor made progress. */
  default void onProgress(ExecutionProgress progress) {}

  /** An execution ended. */
  default void onExecutionFinished(ExecutionProgress progress) {}

  /** A step failed; the service goes on at the next step. */
  default void onError(String message, Exception e) {}
}
