package dev.ballast.app.scenario;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Records what the balancer sees and does during a scenario: a timeline per broker, the model
 * before the first execution and the latest one, the plans, and the times of executions.
 */
final class ScenarioRecorder implements BalancerListener {

  private final String topic;
  private final long startNanos;
  private final java.util.function.LongSupplier clock;
  private final Consumer<String> log;
  private final List<TimelinePoint> timeline = new ArrayList<>();
  private final List<Plan> executedPlans = new ArrayList<>();
  private final List<Double> executionStarts = new ArrayList<>();
  private final List<Double> executionEnds = new ArrayList<>();
  private final List<String> anomalyLog = new ArrayList<>();
  private double produceP99AtEnd = Double.NaN;
  private final List<long[]> periods = new ArrayList<>();
  private long[] frozenWindow;
  private volatile double produceP99Ms = Double.NaN;
  private ClusterModel latest;
  private ClusterModel before;
  private boolean triggered;
  private LoadEstimate latestEstimate;
  private boolean windowReady;
  private int samples;
  private String lastAnomalies = "";
  private int failedExecutions;

  ScenarioRecorder(
      String topic, long startNanos, java.util.function.LongSupplier clock, Consumer<String> log) {
    this.topic = topic;
    this.startNanos = startNanos;
    this.clock = clock;
    this.log = log;
  }

  /** Freezes the end state: the produce p99 of the last load period before the load stops. */
  synchronized void freezeWindow() {
    produceP99AtEnd = produceP99Ms;
    if (latestEstimate != null && latestEstimate.endNanos() > latestEstimate.startNanos()) {
      frozenWindow = new long[] {latestEstimate.startNanos(), latestEstimate.endNanos()};
    }
  }

  /** Returns the produce p99 (ms) of the last load period before the end state was frozen. */
  synchronized double produceP99AtEnd() {
    return produceP99AtEnd;
  }

  /** Records one load period: when it ended, how long it was, how many messages were acked. */
  synchronized void onPeriod(long endNanos, long periodNanos, long acked) {
    periods.add(new long[] {endNanos, periodNanos, acked});
  }

  /**
   * Returns the messages/s acknowledged over the load periods that lie within the sampler's last
   * window at the freeze, or NaN when none does.
   */
  synchronized double ackedRateOverWindow() {
    if (frozenWindow == null) {
      return Double.NaN;
    }
    long acked = 0;
    long nanos = 0;
    for (long[] p : periods) {
      if (p[0] - p[1] >= frozenWindow[0] - p[1] / 2 && p[0] <= frozenWindow[1] + p[1] / 2) {
        acked += p[2];
        nanos += p[1];
      }
    }
    return nanos == 0 ? Double.NaN : acked / (nanos / 1e9);
  }

  /**
   * Returns the messages/s acknowledged over the last {@code n} load periods together, or NaN when
   * fewer were recorded.
   */
  synchronized double ackedRate(int n) {
    if (periods.size() < n) {
      return Double.NaN;
    }
    long acked = 0;
    long nanos = 0;
    for (long[] p : periods.subList(periods.size() - n, periods.size())) {
      acked += p[2];
      nanos += p[1];
    }
    return nanos == 0 ? Double.NaN : acked / (nanos / 1e9);
  }

  /** Returns the produce p99 (ms) of the last load period. */
  double produceP99Ms() {
    return produceP99Ms;
  }

  void onProduceP99(double ms) {
    produceP99Ms = ms;
  }

  @Override
  public synchronized void onSample(
      ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canaryMs) {
    samples++;
    latest = model;
    latestEstimate = estimate;
    windowReady = estimate.ready();
    if (!estimate.ready()) {
      return;
    }
    double t = seconds();
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    Map<Integer, int[]> counts = topicCounts(model);
    StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "t=%5.1fs", t));
    for (Broker b : model.brokers()) {
      LoadVector l = loads.get(b.id());
      int[] c = counts.getOrDefault(b.id(), new int[2]);
      double canary = canaryMs.getOrDefault(b.id(), Double.NaN);
      timeline.add(
          new TimelinePoint(
              t,
              b.id(),
              c[0],
              c[1],
              l.networkIn(),
              l.networkOut(),
              l.messages(),
              canary,
              produceP99Ms));
      line.append(
          String.format(
              java.util.Locale.ROOT,
              " | b%d %s: %dp %dL %.1f MB/s %.0f msg/s%s",
              b.id(),
              b.state().label(),
              c[0],
              c[1],
              l.networkIn() / 1e6,
              l.messages(),
              Double.isNaN(canary) ? "" : String.format(java.util.Locale.ROOT, " %.0fms", canary)));
    }
    log.accept(line.toString());
  }

  @Override
  public synchronized void onAnomalies(List<Anomaly> anomalies) {
    String text = anomalies.toString();
    if (!text.equals(lastAnomalies)) {
      lastAnomalies = text;
      anomalies.forEach(
          a -> {
            anomalyLog.add(String.format(java.util.Locale.ROOT, "t=%.1fs %s", seconds(), a));
            log.accept("anomaly: " + a);
          });
    }
  }

  @Override
  public synchronized void onPlan(Plan plan, boolean executing, String note) {
    var s = plan.summary();
    log.accept(
        String.format(
            java.util.Locale.ROOT,
            "plan: %d move(s), %d leadership change(s), %.1f MB; %s",
            s.replicaMoves(),
            s.leadershipTransfers(),
            s.bytesToMove() / 1e6,
            note));
    if (executing) {
      // "Before" is the state the trigger created: a plan executed earlier (noise on a cluster
      // still waiting for its trigger) must not stand in for it.
      if (before == null && triggered) {
        before = latest;
      }
      executedPlans.add(plan);
      executionStarts.add(seconds());
    }
  }

  @Override
  public synchronized void onExecutionFinished(ExecutionProgress progress) {
    executionEnds.add(seconds());
    // An execution cancelled at teardown is not a failure; a refused move or an error is.
    if (progress.failed() > 0 || progress.phase() == dev.ballast.kafka.exec.ExecutionPhase.FAILED) {
      failedExecutions++;
    }
    log.accept(
        "execution "
            + progress.phase().label()
            + ": "
            + progress.done()
            + " moved, "
            + progress.failed()
            + " failed");
    progress.notes().forEach(n -> log.accept("  " + n));
  }

  @Override
  public void onError(String message, Exception e) {
    log.accept("balancer error (retrying): " + message);
  }

  synchronized ClusterModel latest() {
    return latest;
  }

  synchronized LoadEstimate latestEstimate() {
    return latestEstimate;
  }

  /** Returns how many samples were taken so far. */
  synchronized int samples() {
    return samples;
  }

  synchronized boolean windowReady() {
    return windowReady;
  }

  synchronized ClusterModel before() {
    return before;
  }

  /** Takes the latest model as the state before the fix, unless one was taken already. */
  synchronized void markBefore() {
    if (before == null) {
      before = latest;
    }
  }

  /** Marks the trigger as fired: the next executed plan records the state before balancing. */
  synchronized void onTriggered() {
    triggered = true;
  }

  synchronized List<TimelinePoint> timeline() {
    return List.copyOf(timeline);
  }

  synchronized List<Plan> executedPlans() {
    return List.copyOf(executedPlans);
  }

  synchronized List<Double> executionStarts() {
    return List.copyOf(executionStarts);
  }

  synchronized List<Double> executionEnds() {
    return List.copyOf(executionEnds);
  }

  synchronized List<String> anomalyLog() {
    return List.copyOf(anomalyLog);
  }

  synchronized int finishedExecutions() {
    return executionEnds.size();
  }

  synchronized int failedExecutions() {
    return failedExecutions;
  }

  double seconds() {
    return (clock.getAsLong() - startNanos) / 1e9;
  }

  /** Returns {replicas, leaders} of the scenario topic per broker. */
  Map<Integer, int[]> topicCounts(ClusterModel model) {
    return topicCounts(topic, model);
  }

  /** Returns {replicas, leaders} of {@code topic} per broker of {@code model}. */
  static Map<Integer, int[]> topicCounts(String topic, ClusterModel model) {
    Map<Integer, int[]> counts = new TreeMap<>();
    model.brokers().forEach(b -> counts.put(b.id(), new int[2]));
    for (Partition p : model.partitions()) {
      if (!p.topic().equals(topic)) {
        continue;
      }
      p.replicas().forEach(r -> counts.get(r)[0]++);
      if (p.leader() >= 0) {
        counts.get(p.leader())[1]++;
      }
    }
    return counts;
  }
}
