package dev.ballast.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.balance.BalancerListener.CanaryLatencies;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BallastMetricsTest {

  private final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
  private final BallastMetrics metrics = new BallastMetrics(wall::get, PlannerOptions.defaults());

  @Test
  void perBrokerLoadIsExportedWithBrokerAndRackLabels() {
    ClusterModel model = Fixtures.skewed();
    metrics.onSample(model, Fixtures.estimate(model), Map.of());

    String text = metrics.scrape();

    // broker 1 leads 4 partitions of 100 kB/s in, 200 kB/s out, 50 msg/s each
    assertThat(text)
        .contains("ballast_broker_bytes_in_per_second{broker=\"1\",rack=\"a\"} 400000.0")
        .contains("ballast_broker_bytes_out_per_second{broker=\"1\",rack=\"a\"} 800000.0")
        .contains("ballast_broker_messages_in_per_second{broker=\"1\",rack=\"a\"} 200.0")
        .contains("ballast_broker_partitions{broker=\"2\",rack=\"b\"} 1.0")
        .contains("ballast_broker_leaders{broker=\"1\",rack=\"a\"} 4.0")
        .contains("ballast_broker_log_size_bytes{broker=\"3\",rack=\"c\"} 1.0E7")
        .contains("ballast_broker_state{broker=\"1\",rack=\"a\",state=\"alive\"} 1.0")
        .contains("ballast_broker_state{broker=\"1\",rack=\"a\",state=\"dead\"} 0.0")
        .contains("ballast_sampler_samples_total 1.0")
        .contains("ballast_sampler_window_samples 3.0");
  }

  @Test
  void balanceIsMaxOverMeanAndRelativeStddevPerResource() {
    ClusterModel model = Fixtures.skewed();
    metrics.onSample(model, Fixtures.estimate(model), Map.of());

    String text = metrics.scrape();

    // replicas 4,1,1: mean 2, max/mean 2, stddev sqrt(((2)^2+1+1)/3)=sqrt(2), relative 0.7071
    assertThat(text)
        .contains("ballast_balance_max_over_mean_ratio{resource=\"replicas\"} 2.0")
        .contains("ballast_balance_relative_stddev_ratio{resource=\"replicas\"} 0.7071")
        .contains("ballast_balance_score_ratio 2.0");
  }

  @Test
  void sampleAgeGrowsWithTheWallClock() {
    assertThat(metrics.scrape()).contains("ballast_sampler_last_sample_age_seconds NaN");
    ClusterModel model = Fixtures.skewed();
    metrics.onSample(model, Fixtures.estimate(model), Map.of());
    wall.addAndGet(7_500);

    assertThat(metrics.scrape())
        .contains("ballast_sampler_last_sample_age_seconds 7.5")
        .contains("ballast_sampler_last_sample_timestamp_seconds 1.7E9");
  }

  @Test
  void brokersThatLeaveLoseTheirSeries() {
    ClusterModel model = Fixtures.skewed();
    metrics.onSample(model, Fixtures.estimate(model), Map.of());
    metrics.onCanary(latencies(3, 12.0));
    assertThat(metrics.scrape())
        .contains(
            "ballast_broker_canary_latency_seconds{broker=\"3\",quantile=\"0.99\",rack=\"c\"}");

    ClusterModel smaller =
        ClusterModel.of(
            model.brokers().subList(0, 2),
            model.partitions().stream().filter(p -> p.replicas().get(0) != 3).toList());
    metrics.onSample(smaller, Fixtures.estimate(smaller), Map.of());

    String text = metrics.scrape();
    assertThat(text).contains("ballast_broker_partitions{broker=\"2\",rack=\"b\"}");
    assertThat(text).doesNotContain("broker=\"3\"");
  }

  @Test
  void canaryLatencyIsInSecondsWithQuantiles() {
    ClusterModel model = Fixtures.skewed();
    metrics.onSample(model, Fixtures.estimate(model), Map.of());
    metrics.onCanary(latencies(2, 250.0));

    assertThat(metrics.scrape())
        .contains("ballast_broker_canary_last_latency_seconds{broker=\"2\",rack=\"b\"} 0.25")
        .contains(
            "ballast_broker_canary_latency_seconds{broker=\"2\",quantile=\"0.5\",rack=\"b\"} 0.25")
        .contains(
            "ballast_broker_canary_latency_seconds{broker=\"2\",quantile=\"0.95\",rack=\"b\"} 0.25")
        .contains("ballast_canary_rounds_total 1.0");
  }

  @Test
  void anomaliesAreCountedWhenTheyAppear() {
    Anomaly imbalance = new Anomaly(AnomalyKind.IMBALANCE, List.of(), "replicas", true);
    Anomaly slow = new Anomaly(AnomalyKind.SLOW_BROKER, List.of(2), "slow", true);
    metrics.onAnomalies(List.of(imbalance));
    metrics.onAnomalies(List.of(imbalance, slow));
    metrics.onAnomalies(List.of(slow));

    String text = metrics.scrape();
    assertThat(text)
        .contains("ballast_anomalies{kind=\"imbalance\"} 0.0")
        .contains("ballast_anomalies{kind=\"slow-broker\"} 1.0")
        .contains("ballast_anomalies_detected_total{kind=\"imbalance\"} 1.0")
        .contains("ballast_anomalies_detected_total{kind=\"slow-broker\"} 1.0")
        .contains("ballast_anomalies_detected_total{kind=\"dead-broker\"} 0.0");
  }

  @Test
  void plansAndExecutionProgressAreCounted() {
    Plan plan = Fixtures.plan(Fixtures.skewed());
    assertThat(plan.isEmpty()).isFalse();
    metrics.onPlan(plan, false, "dry run: proposed, not executed");
    metrics.onPlan(plan, false, "skipped: the plan improves balance by only 1.0%");
    metrics.onPlan(plan, true, "executing");
    metrics.onProgress(progress(ExecutionPhase.MOVING, 2, 1, 0, 0));
    metrics.onProgress(progress(ExecutionPhase.MOVING, 1, 1, 1, 10_000_000));
    metrics.onExecutionFinished(progress(ExecutionPhase.DONE, 0, 0, 3, 30_000_000));

    String text = metrics.scrape();
    assertThat(text)
        .contains("ballast_plans_total{outcome=\"executed\"} 1.0")
        .contains("ballast_plans_total{outcome=\"proposed\"} 1.0")
        .contains("ballast_plans_total{outcome=\"skipped\"} 1.0")
        .contains("ballast_plan_move_bytes " + (double) plan.summary().bytesToMove())
        .contains("ballast_executor_moved_bytes_total 3.0E7")
        .contains("ballast_executor_actions{state=\"done\"} 3.0")
        .contains("ballast_executor_actions{state=\"in_flight\"} 0.0")
        .contains("ballast_executor_state{state=\"done\"} 1.0")
        .contains("ballast_executor_state{state=\"moving\"} 0.0")
        .contains("ballast_executions_total{outcome=\"done\"} 1.0");
  }

  @Test
  void jvmMetricsAreIncluded() {
    metrics.onError("boom", new IllegalStateException("boom"));
    assertThat(metrics.scrape())
        .contains("jvm_memory_used_bytes{area=\"heap\"}")
        .contains("jvm_threads_current")
        .contains("ballast_errors_total 1.0");
  }

  private static CanaryLatencies latencies(int broker, double ms) {
    Map<Integer, Double> m = Map.of(broker, ms);
    return new CanaryLatencies(m, m, m, m);
  }

  private static ExecutionProgress progress(
      ExecutionPhase phase, int pending, int inFlight, int done, long bytesDone) {
    return new ExecutionProgress(
        phase, 3, 0, pending, inFlight, done, 0, 30_000_000, bytesDone, List.of());
  }
}
