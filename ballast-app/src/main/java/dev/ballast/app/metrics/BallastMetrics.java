package dev.ballast.app.metrics;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The balancer's Prometheus metrics, kept up to date from the service's events; see docs/METRICS.md
 * for every name. Each instance has its own registry, JVM metrics included.
 */
public final class BallastMetrics implements BalancerListener {

  /** The content type of {@link #writeTo(OutputStream)}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final LongSupplier wallMillis;
  private final PlannerOptions planner;
  private final BrokerMetrics brokers;
  private final ExecutionMetrics execution;

  private final Gauge maxOverMean;
  private final Gauge relativeStddev;
  private final Gauge score;
  private final Gauge anomalies;
  private final Counter anomaliesDetected;
  private final Counter samples;
  private final Counter canaryRounds;
  private final Counter errors;
  private final Gauge lastSample;
  private final Gauge windowSeconds;
  private final Gauge windowSamples;
  private final Gauge staleBrokers;
  private final Gauge missingPartitions;

  private Set<String> lastAnomalies = Set.of();
  private volatile long lastSampleMillis = -1;

  /**
   * Creates the metrics; {@code wallMillis} is the wall clock (for sample ages), {@code planner}
   * gives the idle floors and weights of the balance score.
   */
  public BallastMetrics(LongSupplier wallMillis, PlannerOptions planner) {
    this.wallMillis = requireNonNull(wallMillis, "wallMillis");
    this.planner = requireNonNull(planner, "planner");
    Registrar r = new Registrar(registry);
    brokers = new BrokerMetrics(r);
    execution = new ExecutionMetrics(r);
    maxOverMean =
        r.gauge(
            "ballast_balance_max_over_mean_ratio",
            "Busiest broker / mean, per resource",
            "resource");
    relativeStddev =
        r.gauge(
            "ballast_balance_relative_stddev_ratio",
            "Standard deviation over brokers / mean, per resource",
            "resource");
    score =
        r.gauge(
            "ballast_balance_score_ratio",
            "Worst max/mean over the resources the planner balances (weighted, not idle);"
                + " 1 is perfect");
    anomalies = r.gauge("ballast_anomalies", "Anomalies found at the last evaluation", "kind");
    anomaliesDetected =
        r.counter(
            "ballast_anomalies_detected_total",
            "Anomalies that appeared (were not present at the previous evaluation), by kind",
            "kind");
    for (AnomalyKind k : AnomalyKind.values()) {
      anomalies.labelValues(k.label()).set(0);
      anomaliesDetected.initLabelValues(k.label());
    }
    samples = r.counter("ballast_sampler_samples_total", "Load samples taken");
    canaryRounds = r.counter("ballast_canary_rounds_total", "Canary rounds probed");
    errors = r.counter("ballast_errors_total", "Balancer steps that failed (the service goes on)");
    lastSample =
        r.gauge("ballast_sampler_last_sample_timestamp_seconds", "Unix time of the last sample");
    GaugeWithCallback.builder()
        .name("ballast_sampler_last_sample_age_seconds")
        .help("Seconds since the last load sample (NaN before the first): sampler staleness")
        .callback(
            cb -> {
              long at = lastSampleMillis;
              cb.call(at < 0 ? Double.NaN : (this.wallMillis.getAsLong() - at) / 1000.0);
            })
        .register(registry);
    windowSeconds = r.gauge("ballast_sampler_window_seconds", "Time the load window spans");
    windowSamples = r.gauge("ballast_sampler_window_samples", "Samples in the load window");
    staleBrokers =
        r.gauge(
            "ballast_sampler_stale_brokers",
            "Brokers that did not answer in the load window (plans do not rely on them)");
    missingPartitions =
        r.gauge(
            "ballast_sampler_missing_partitions",
            "Partitions left out of the estimate because a sample lacked them");
    JvmMetrics.builder().register(registry);
  }

  /** Returns the registry, to scrape or to register more collectors. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** Writes every metric in the Prometheus text format. */
  public void writeTo(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }

  /** Returns every metric in the Prometheus text format. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void onSample(
      ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canaryMs) {
    long now = wallMillis.getAsLong();
    lastSampleMillis = now;
    samples.inc();
    lastSample.set(now / 1000.0);
    windowSeconds.set(estimate.windowSeconds());
    windowSamples.set(estimate.samples());
    staleBrokers.set(estimate.staleBrokers().size());
    missingPartitions.set(estimate.missing().size());
    brokers.onSample(model, estimate);
    if (estimate.ready()) {
      List<ResourceBalance> balance = ResourceBalance.calculate(model, planner);
      for (ResourceBalance r : balance) {
        maxOverMean.labelValues(r.resource().label()).set(r.maxOverMean());
        relativeStddev.labelValues(r.resource().label()).set(r.relativeStddev());
      }
      score.set(ResourceBalance.worstMaxOverMean(balance, planner));
    }
  }

  @Override
  public synchronized void onCanary(CanaryLatencies latencies) {
    canaryRounds.inc();
    brokers.onCanary(latencies);
  }

  @Override
  public synchronized void onAnomalies(List<Anomaly> found) {
    Map<String, Integer> byKind = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Anomaly a : found) {
      byKind.merge(a.kind().label(), 1, Integer::sum);
      String key = a.kind().label() + a.brokers();
      keys.add(key);
      if (!lastAnomalies.contains(key)) {
        anomaliesDetected.labelValues(a.kind().label()).inc();
      }
    }
    lastAnomalies = keys;
    for (AnomalyKind k : AnomalyKind.values()) {
      anomalies.labelValues(k.label()).set(byKind.getOrDefault(k.label(), 0));
    }
  }

  @Override
  public synchronized void onPlan(Plan plan, boolean executing, String note) {
    execution.onPlan(plan, executing, note);
  }

  @Override
  public synchronized void onProgress(ExecutionProgress progress) {
    execution.onProgress(progress);
  }

  @Override
  public synchronized void onExecutionFinished(ExecutionProgress progress) {
    execution.onExecutionFinished(progress);
  }

  @Override
  public void onError(String message, Exception e) {
    errors.inc();
  }
}
