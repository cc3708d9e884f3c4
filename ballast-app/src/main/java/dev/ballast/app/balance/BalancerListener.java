package dev.ballast.app.balance;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.List;
import java.util.Map;

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

  /**
   * The service took over what an earlier run left in the execution journal (its moves, its
   * throttles); {@code progress} says what it found.
   */
  default void onResume(ExecutionProgress progress) {}

  /** An execution ended. */
  default void onExecutionFinished(ExecutionProgress progress) {}

  /** A canary round ended; {@code latencies} holds each broker's latest and recent percentiles. */
  default void onCanary(CanaryLatencies latencies) {}

  /** A step failed; the service goes on at the next step. */
  default void onError(String message, Exception e) {}

  /**
   * Each broker's canary produce latency, in ms.
   *
   * @param lastMs the last round
   * @param p50Ms the median over the rounds the prober keeps
   * @param p95Ms the 95th percentile over those rounds
   * @param p99Ms the 99th percentile over those rounds
   */
  record CanaryLatencies(
      Map<Integer, Double> lastMs,
      Map<Integer, Double> p50Ms,
      Map<Integer, Double> p95Ms,
      Map<Integer, Double> p99Ms) {

    /** Copies the maps. */
    public CanaryLatencies {
      lastMs = Map.copyOf(lastMs);
      p50Ms = Map.copyOf(p50Ms);
      p95Ms = Map.copyOf(p95Ms);
      p99Ms = Map.copyOf(p99Ms);
    }
  }
}
