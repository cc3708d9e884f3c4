package dev.ballast.app.metrics;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.ActionKind;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionPhase;
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
import java.util.Locale;
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

  private static final String[] BROKER = {"broker", "rack"};
  private static final List<Double> QUANTILES = List.of(0.5, 0.95, 0.99);

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final LongSupplier wallMillis;
  private final PlannerOptions planner;

  private final Gauge bytesIn = brokerGauge("ballast_broker_bytes_in_per_second", "Bytes/s in");
  private final Gauge bytesOut = brokerGauge("ballast_broker_bytes_out_per_second", "Bytes/s out");
  private final Gauge messagesIn =
      brokerGauge("ballast_broker_messages_in_per_second", "Messages/s produced to its leaders");
  private final Gauge partitions =
      brokerGauge("ballast_broker_partitions", "Partition replicas the broker holds");
  private final Gauge leaders =
      brokerGauge("ballast_broker_leaders", "Partitions the broker leads");
  private final Gauge logSize =
      brokerGauge("ballast_broker_log_size_bytes", "Bytes of partition replicas on its disks");
  private final Gauge stale =
      brokerGauge("ballast_broker_stale", "1 when the broker did not answer in the load window");
  private final Gauge state;
  private final Gauge canaryLast =
      brokerGauge(
          "ballast_broker_canary_last_latency_seconds", "Produce latency of the last canary round");
  private final Gauge canary;

  private final Gauge maxOverMean;
  private final Gauge relativeStddev;
  private final Gauge worst;
  private final Gauge anomalies;
  private final Counter anomaliesDetected;
  private final Counter plans;
  private final Gauge planActions;
  private final Gauge planBytes;
  private final Gauge planObjective;
  private final Gauge executorActions;
  private final Gauge executorState;
  private final Counter movedBytes;
  private final Counter executions;
  private final Counter samples;
  private final Counter canaryRounds;
  private final Counter errors;
  private final Gauge lastSample;
  private final Gauge windowSeconds;
  private final Gauge windowSamples;
  private final Gauge staleBrokers;
  private final Gauge missingPartitions;

  private final Map<String, String> brokerRacks = new HashMap<>();
  private Set<String> lastAnomalies = Set.of();
  private long bytesDoneSeen;
  private volatile long lastSampleMillis = -1;

  /**
   * Creates the metrics; {@code wallMillis} is the wall clock (for sample ages), {@code planner}
   * gives the idle floors and weights of the balance score.
   */
  public BallastMetrics(LongSupplier wallMillis, PlannerOptions planner) {
    this.wallMillis = requireNonNull(wallMillis, "wallMillis");
    this.planner = requireNonNull(planner, "planner");
    state =
        Gauge.builder()
            .name("ballast_broker_state")
            .help("1 for the broker's state as the planner sees it (alive, new, draining, ...)")
            .labelNames("broker", "rack", "state")
            .register(registry);
    canary =
        Gauge.builder()
            .name("ballast_broker_canary_latency_seconds")
            .help("Canary produce latency percentile over the recent rounds the prober keeps")
            .labelNames("broker", "rack", "quantile")
            .register(registry);
    maxOverMean =
        resourceGauge("ballast_balance_max_over_mean_ratio", "Busiest broker / mean, per resource");
    relativeStddev =
        resourceGauge(
            "ballast_balance_relative_stddev_ratio",
            "Standard deviation over brokers / mean, per resource");
    worst =
        Gauge.builder()
            .name("ballast_balance_score_ratio")
            .help(
                "Worst max/mean over the resources the planner balances (weighted, not idle);"
                    + " 1 is perfect")
            .register(registry);
    anomalies =
        Gauge.builder()
            .name("ballast_anomalies")
            .help("Anomalies found at the last evaluation, by kind")
            .labelNames("kind")
            .register(registry);
    anomaliesDetected =
        Counter.builder()
            .name("ballast_anomalies_detected_total")
            .help("Anomalies that appeared (were not present at the previous evaluation), by kind")
            .labelNames("kind")
            .register(registry);
    for (AnomalyKind k : AnomalyKind.values()) {
      anomalies.labelValues(k.label()).set(0);
      anomaliesDetected.initLabelValues(k.label());
    }
    plans =
        Counter.builder()
            .name("ballast_plans_total")
            .help("Plans made, by outcome: executed, proposed (dry run) or skipped (too small)")
            .labelNames("outcome")
            .register(registry);
    for (String o : List.of("executed", "proposed", "skipped")) {
      plans.initLabelValues(o);
    }
    planActions =
        Gauge.builder()
            .name("ballast_plan_actions")
            .help("Actions of the last plan, by kind (leadership, move, swap)")
            .labelNames("kind")
            .register(registry);
    for (ActionKind k : ActionKind.values()) {
      planActions.labelValues(label(k)).set(0);
    }
    planBytes =
        Gauge.builder()
            .name("ballast_plan_move_bytes")
            .help("Bytes the last plan copies")
            .register(registry);
    planObjective =
        Gauge.builder()
            .name("ballast_plan_objective")
            .help("The planner's soft objective of the last plan, before and after it")
            .labelNames("stage")
            .register(registry);
    executorActions =
        Gauge.builder()
            .name("ballast_executor_actions")
            .help("Partitions of the current or last execution, by state")
            .labelNames("state")
            .register(registry);
    for (String s : List.of("pending", "in_flight", "done", "failed", "skipped")) {
      executorActions.labelValues(s).set(0);
    }
    executorState =
        Gauge.builder()
            .name("ballast_executor_state")
            .help("1 for the executor's phase (idle, moving, electing, done, cancelled, failed)")
            .labelNames("state")
            .register(registry);
    setPhase(ExecutionPhase.IDLE);
    movedBytes =
        Counter.builder()
            .name("ballast_executor_moved_bytes_total")
            .help("Bytes of partition replicas moved by completed reassignments")
            .register(registry);
    executions =
        Counter.builder()
            .name("ballast_executions_total")
            .help("Executions that ended, by outcome (done, cancelled, failed)")
            .labelNames("outcome")
            .register(registry);
    for (ExecutionPhase p : List.of(ExecutionPhase.DONE, ExecutionPhase.CANCELLED)) {
      executions.initLabelValues(p.label());
    }
    executions.initLabelValues(ExecutionPhase.FAILED.label());
    samples =
        Counter.builder()
            .name("ballast_sampler_samples_total")
            .help("Load samples taken")
            .register(registry);
    canaryRounds =
        Counter.builder()
            .name("ballast_canary_rounds_total")
            .help("Canary rounds probed")
            .register(registry);
    errors =
        Counter.builder()
            .name("ballast_errors_total")
            .help("Balancer steps that failed (the service goes on)")
            .register(registry);
    lastSample =
        Gauge.builder()
            .name("ballast_sampler_last_sample_timestamp_seconds")
            .help("Unix time of the last load sample")
            .register(registry);
    GaugeWithCallback.builder()
        .name("ballast_sampler_last_sample_age_seconds")
        .help("Seconds since the last load sample (NaN before the first): sampler staleness")
        .callback(
            cb -> {
              long at = lastSampleMillis;
              cb.call(at < 0 ? Double.NaN : (this.wallMillis.getAsLong() - at) / 1000.0);
            })
        .register(registry);
    windowSeconds =
        Gauge.builder()
            .name("ballast_sampler_window_seconds")
            .help("Time the load window spans")
            .register(registry);
    windowSamples =
        Gauge.builder()
            .name("ballast_sampler_window_samples")
            .help("Samples in the load window")
            .register(registry);
    staleBrokers =
        Gauge.builder()
            .name("ballast_sampler_stale_brokers")
            .help("Brokers that did not answer in the load window (plans do not rely on them)")
            .register(registry);
    missingPartitions =
        Gauge.builder()
            .name("ballast_sampler_missing_partitions")
            .help("Partitions left out of the estimate because a sample lacked them")
            .register(registry);
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
    Map<String, String> seen = new HashMap<>();
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    for (Broker b : model.brokers()) {
      String id = Integer.toString(b.id());
      String rack = b.rack() == null ? "" : b.rack();
      seen.put(id, rack);
      String previous = brokerRacks.get(id);
      if (previous != null && !previous.equals(rack)) {
        removeBroker(id, previous);
      }
      LoadVector l = loads.get(b.id());
      boolean rated = estimate.ready();
      bytesIn.labelValues(id, rack).set(rated ? l.networkIn() : 0);
      bytesOut.labelValues(id, rack).set(rated ? l.networkOut() : 0);
      messagesIn.labelValues(id, rack).set(rated ? l.messages() : 0);
      partitions.labelValues(id, rack).set(l.replicas());
      leaders.labelValues(id, rack).set(l.leaders());
      logSize.labelValues(id, rack).set(l.disk());
      stale.labelValues(id, rack).set(estimate.staleBrokers().contains(b.id()) ? 1 : 0);
      for (BrokerState s : BrokerState.values()) {
        state.labelValues(id, rack, s.label()).set(s == b.state() ? 1 : 0);
      }
    }
    brokerRacks.forEach(
        (id, rack) -> {
          if (!seen.containsKey(id)) {
            removeBroker(id, rack);
          }
        });
    brokerRacks.clear();
    brokerRacks.putAll(seen);
    if (estimate.ready()) {
      List<ResourceBalance> balance = ResourceBalance.calculate(model, planner);
      for (ResourceBalance r : balance) {
        maxOverMean.labelValues(r.resource().label()).set(r.maxOverMean());
        relativeStddev.labelValues(r.resource().label()).set(r.relativeStddev());
      }
      worst.set(ResourceBalance.worstMaxOverMean(balance, planner));
    }
  }

  @Override
  public synchronized void onCanary(CanaryLatencies latencies) {
    canaryRounds.inc();
    latencies
        .lastMs()
        .forEach(
            (b, ms) -> {
              String id = Integer.toString(b);
              String rack = brokerRacks.get(id);
              if (rack == null) {
                return; // not sampled yet: its rack label is unknown
              }
              canaryLast.labelValues(id, rack).set(ms / 1000.0);
              setQuantile(id, rack, 0.5, latencies.p50Ms().get(b));
              setQuantile(id, rack, 0.95, latencies.p95Ms().get(b));
              setQuantile(id, rack, 0.99, latencies.p99Ms().get(b));
            });
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
    plans.labelValues(outcome(executing, note)).inc();
    Map<ActionKind, Integer> kinds = new HashMap<>();
    for (Action a : plan.actions()) {
      kinds.merge(a.kind(), 1, Integer::sum);
    }
    for (ActionKind k : ActionKind.values()) {
      planActions.labelValues(label(k)).set(kinds.getOrDefault(k, 0));
    }
    planBytes.set(plan.summary().bytesToMove());
    planObjective.labelValues("before").set(plan.summary().before().soft());
    planObjective.labelValues("after").set(plan.summary().after().soft());
    if (executing) {
      bytesDoneSeen = 0;
    }
  }

  @Override
  public synchronized void onProgress(ExecutionProgress progress) {
    executorActions.labelValues("pending").set(progress.pending());
    executorActions.labelValues("in_flight").set(progress.inFlight());
    executorActions.labelValues("done").set(progress.done());
    executorActions.labelValues("failed").set(progress.failed());
    executorActions.labelValues("skipped").set(progress.skipped());
    setPhase(progress.phase());
    if (progress.bytesDone() > bytesDoneSeen) {
      movedBytes.inc(progress.bytesDone() - bytesDoneSeen);
      bytesDoneSeen = progress.bytesDone();
    }
  }

  @Override
  public synchronized void onExecutionFinished(ExecutionProgress progress) {
    onProgress(progress);
    executorActions.labelValues("in_flight").set(0);
    executions.labelValues(progress.phase().label()).inc();
  }

  @Override
  public void onError(String message, Exception e) {
    errors.inc();
  }

  /** Returns the outcome label of a plan event. */
  static String outcome(boolean executing, String note) {
    if (executing) {
      return "executed";
    }
    return note != null && note.startsWith("skipped") ? "skipped" : "proposed";
  }

  private void setQuantile(String id, String rack, double q, Double ms) {
    if (ms != null) {
      canary.labelValues(id, rack, quantile(q)).set(ms / 1000.0);
    }
  }

  private static String quantile(double q) {
    return q == 0.5 ? "0.5" : String.format(Locale.ROOT, "%.2f", q);
  }

  private void setPhase(ExecutionPhase phase) {
    for (ExecutionPhase p : ExecutionPhase.values()) {
      executorState.labelValues(p.label()).set(p == phase ? 1 : 0);
    }
  }

  private void removeBroker(String id, String rack) {
    for (Gauge g :
        List.of(bytesIn, bytesOut, messagesIn, partitions, leaders, logSize, stale, canaryLast)) {
      g.remove(id, rack);
    }
    for (BrokerState s : BrokerState.values()) {
      state.remove(id, rack, s.label());
    }
    for (double q : QUANTILES) {
      canary.remove(id, rack, quantile(q));
    }
  }

  private Gauge brokerGauge(String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames(BROKER).register(registry);
  }

  private Gauge resourceGauge(String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames("resource").register(registry);
  }

  private static String label(ActionKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }
}
