package dev.ballast.app.http;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.app.metrics.ResourceBalance;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the dashboard shows beyond the service's snapshot, kept from the service's events: balance
 * over time, recent events, the plan of the last evaluation and its note, execution progress and
 * canary latencies.
 */
final class DashboardState implements BalancerListener {

  /** One point of the balance history. */
  record BalancePoint(long time, double score, Map<String, Double> maxOverMean) {}

  /** Something that happened, for the event log. */
  record Event(long time, String kind, String text) {}

  /** The plan of the last evaluation, with what the service did with it. */
  record PlanEvent(long time, Plan plan, boolean executing, String note) {}

  private final LongSupplier wallMillis;
  private final PlannerOptions planner;
  private final int historySize;
  private final Deque<BalancePoint> history = new ArrayDeque<>();
  private final Deque<Event> events = new ArrayDeque<>();
  private PlanEvent plan;
  private ExecutionProgress progress;
  private Map<Integer, Double> canaryMs = Map.of();
  private Map<Integer, Double> canaryP99Ms = Map.of();
  private String lastAnomalies = "";
  private long lastSampleMillis = -1;
  private long lastEvaluationMillis = -1;

  DashboardState(LongSupplier wallMillis, PlannerOptions planner, int historySize) {
    this.wallMillis = requireNonNull(wallMillis, "wallMillis");
    this.planner = requireNonNull(planner, "planner");
    this.historySize = historySize;
  }

  @Override
  public synchronized void onSample(
      ClusterModel model, LoadEstimate estimate, Map<Integer, Double> canary) {
    lastSampleMillis = wallMillis.getAsLong();
    if (!estimate.ready()) {
      return;
    }
    List<ResourceBalance> balance = ResourceBalance.calculate(model, planner);
    Map<String, Double> byResource = new LinkedHashMap<>();
    balance.forEach(r -> byResource.put(r.resource().label(), r.maxOverMean()));
    history.addLast(
        new BalancePoint(
            lastSampleMillis, ResourceBalance.worstMaxOverMean(balance, planner), byResource));
    while (history.size() > historySize) {
      history.removeFirst();
    }
  }

  @Override
  public synchronized void onCanary(CanaryLatencies latencies) {
    canaryMs = latencies.lastMs();
    canaryP99Ms = latencies.p99Ms();
  }

  @Override
  public synchronized void onAnomalies(List<Anomaly> anomalies) {
    plan = null; // a new evaluation: the plan shown is the one it makes, if any
    lastEvaluationMillis = wallMillis.getAsLong();
    String text = anomalies.toString();
    if (!text.equals(lastAnomalies)) {
      lastAnomalies = text;
      if (anomalies.isEmpty()) {
        event("anomaly", "balanced: no anomaly");
      }
      anomalies.forEach(a -> event("anomaly", a.toString()));
    }
  }

  @Override
  public synchronized void onPlan(Plan p, boolean executing, String note) {
    plan = new PlanEvent(wallMillis.getAsLong(), p, executing, note);
    if (executing) {
      progress = null;
    }
    event(
        "plan",
        String.format(
            java.util.Locale.ROOT,
            "plan of %d action(s), %d byte(s) to move: %s",
            p.actions().size(),
            p.summary().bytesToMove(),
            note));
  }

  @Override
  public synchronized void onProgress(ExecutionProgress p) {
    progress = p;
  }

  @Override
  public synchronized void onExecutionFinished(ExecutionProgress p) {
    progress = p;
    event(
        "execution",
        "execution "
            + p.phase().label()
            + ": "
            + p.done()
            + " partition(s) moved, "
            + p.failed()
            + " failed");
  }

  @Override
  public synchronized void onError(String message, Exception e) {
    event("error", message);
  }

  /** Records that a user approved or cancelled through the API. */
  synchronized void userAction(String text) {
    event("user", text);
  }

  synchronized List<BalancePoint> history() {
    return new ArrayList<>(history);
  }

  synchronized List<Event> events() {
    List<Event> newestFirst = new ArrayList<>(events);
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  synchronized PlanEvent plan() {
    return plan;
  }

  synchronized ExecutionProgress progress() {
    return progress;
  }

  synchronized Map<Integer, Double> canaryMs() {
    return canaryMs;
  }

  synchronized Map<Integer, Double> canaryP99Ms() {
    return canaryP99Ms;
  }

  synchronized long lastSampleMillis() {
    return lastSampleMillis;
  }

  synchronized long lastEvaluationMillis() {
    return lastEvaluationMillis;
  }

  private void event(String kind, String text) {
    events.addLast(new Event(wallMillis.getAsLong(), kind, text));
    while (events.size() > 100) {
      events.removeFirst();
    }
  }
}
