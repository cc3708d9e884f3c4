package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyDetector;
import dev.ballast.core.detect.SlowBrokerTracker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.SnapshotReader;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadSampler;
import dev.ballast.kafka.sample.SampleCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * The auto-balancer: each {@link #doWork(long)} samples load when due, probes broker latency when
 * due, and then either drives the execution in progress or, once the load window is full and the
 * cool-down has passed, detects anomalies, plans and starts executing (or only proposes, in
 * dry-run). Detection is the normal path for every trigger: imbalance, new, draining, dead and slow
 * brokers.
 */
public final class BalancerService implements AutoCloseable {

  private final Admin admin;
  private final BalancerSettings settings;
  private final BalancerListener listener;
  private final ClusterDescriber describer;
  private final LoadSampler sampler;
  private final CanaryProber prober;
  private final SlowBrokerTracker slow;
  private final Predicate<String> topicFilter;
  private final Map<Integer, BrokerState> operatorStates = new TreeMap<>();
  private final Map<Integer, Long> deadSince = new HashMap<>();
  private PlanExecutor executor;
  private long cooldownUntil = Long.MIN_VALUE;
  private boolean cooling;
  private volatile Snapshot last = new Snapshot(null, null, List.of(), null, null);

  /**
   * What the service knows now, for reports and dashboards.
   *
   * @param model the cluster with sampled load at the last step, or null before the first
   * @param estimate the last load estimate
   * @param anomalies the anomalies found at the last evaluation
   * @param plan the last plan made, or null
   * @param progress the execution in progress or last finished, or null
   */
  public record Snapshot(
      ClusterModel model,
      LoadEstimate estimate,
      List<Anomaly> anomalies,
      Plan plan,
      ExecutionProgress progress) {}

  /** Creates the service for the cluster behind {@code admin}. */
  public BalancerService(
      Admin admin,
      ClientSettings client,
      BalancerSettings settings,
      LongSupplier nanoClock,
      BalancerListener listener) {
    this.admin = requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.listener = requireNonNull(listener, "listener");
    Duration timeout = settings.executor().callTimeout();
    this.describer = new ClusterDescriber(admin, timeout, client.bootstrapServers());
    this.topicFilter =
        t -> !t.startsWith("__") && !t.startsWith("_confluent") && !t.equals(CanaryProber.TOPIC);
    this.sampler =
        new LoadSampler(
            new SampleCollector(admin, timeout, nanoClock, topicFilter),
            settings.samples(),
            settings.sampleInterval());
    this.prober =
        settings.canary()
            ? new CanaryProber(
                admin, client, settings.canaryInterval(), Duration.ofSeconds(5), 30, nanoClock)
            : null;
    this.slow = new SlowBrokerTracker(settings.slow());
  }

  /** Marks {@code brokers} to be drained: emptied and given nothing. */
  public synchronized void drain(Set<Integer> brokers) {
    brokers.forEach(b -> operatorStates.put(b, BrokerState.DRAINING));
  }

  /** Marks {@code brokers} as new brokers to receive their share. */
  public synchronized void addBrokers(Set<Integer> brokers) {
    brokers.forEach(b -> operatorStates.put(b, BrokerState.NEW));
  }

  /** Returns what the service knows now. */
  public Snapshot snapshot() {
    return last;
  }

  /** Returns whether an execution is in progress. */
  public synchronized boolean isExecuting() {
    return executor != null;
  }

  /** Does one step at {@code nowNanos}; returns how much work it did (0: nothing was due). */
  public synchronized int doWork(long nowNanos) {
    int work = 0;
    if (prober != null && prober.doWork(nowNanos) > 0) {
      slow.onRound(prober.lastRound());
      work++;
    }
    boolean sampled = sampler.doWork(nowNanos) > 0;
    if (executor != null) {
      work += executor.doWork(nowNanos);
      listener.onProgress(executor.progress());
      if (executor.isFinished()) {
        ExecutionProgress end = executor.progress();
        last = new Snapshot(last.model(), last.estimate(), last.anomalies(), last.plan(), end);
        listener.onExecutionFinished(end);
        executor = null;
        cooldownUntil = nowNanos + settings.cooldown().toNanos();
        cooling = true;
      }
    }
    if (!sampled) {
      return work;
    }
    work++;
    ClusterModel model = currentModel(nowNanos);
    listener.onSample(model, sampler.estimate(), prober == null ? Map.of() : prober.lastRound());
    if (executor == null && sampler.isWarm() && !(cooling && nowNanos - cooldownUntil < 0)) {
      cooling = false;
      evaluate(model, nowNanos);
    } else {
      last =
          new Snapshot(model, sampler.estimate(), last.anomalies(), last.plan(), last.progress());
    }
    return work;
  }

  private ClusterModel currentModel(long nowNanos) {
    ClusterDescription cluster = describer.describe(false);
    Map<Integer, BrokerState> states = new TreeMap<>();
    Set<Integer> known = new TreeSet<>();
    cluster.brokers().forEach(b -> known.add(b.id()));
    slow.slowBrokers().stream()
        .filter(known::contains)
        .forEach(b -> states.put(b, BrokerState.SLOW));
    operatorStates.forEach(
        (b, s) -> {
          if (known.contains(b)) {
            states.put(b, s);
          }
        });
    ClusterModel model =
        SnapshotReader.toModel(cluster, sampler.estimate().loads(), states, topicFilter);
    model
        .brokers()
        .forEach(
            b -> {
              if (b.state() == BrokerState.DEAD) {
                deadSince.putIfAbsent(b.id(), nowNanos);
              } else {
                deadSince.remove(b.id());
              }
            });
    return model;
  }

  private void evaluate(ClusterModel model, long nowNanos) {
    Planner planner = new Planner(settings.planner());
    Plan first = planner.plan(model);
    Map<Integer, Long> deadFor = new HashMap<>();
    deadSince.forEach((b, since) -> deadFor.put(b, nowNanos - since));
    List<Anomaly> anomalies =
        AnomalyDetector.detect(
            model, first, deadFor, settings.deadBrokerGrace().toNanos(), slow.evidence());
    listener.onAnomalies(anomalies);
    Map<Integer, BrokerState> grace = AnomalyDetector.graceStates(anomalies);
    Plan plan = grace.isEmpty() ? first : planner.plan(model.withBrokerStates(grace));
    last = new Snapshot(model, sampler.estimate(), anomalies, plan, last.progress());
    if (!AnomalyDetector.actionable(anomalies) || plan.isEmpty()) {
      return;
    }
    String trivial = trivialReason(plan);
    if (trivial != null) {
      listener.onPlan(plan, false, trivial);
      return;
    }
    if (settings.dryRun()) {
      listener.onPlan(plan, false, "dry run: proposed, not executed");
      return;
    }
    executor = new PlanExecutor(admin, settings.executor());
    executor.start(toReassignments(plan));
    listener.onPlan(plan, true, "executing");
  }

  private String trivialReason(Plan plan) {
    var before = plan.summary().before();
    var after = plan.summary().after();
    if (after.hard() < before.hard() - 1e-9) {
      return null; // a hard goal gets better: always worth it
    }
    double gain = before.soft() <= 0 ? 0 : (before.soft() - after.soft()) / before.soft();
    return gain < settings.minImprovement()
        ? String.format(
            java.util.Locale.ROOT, "skipped: the plan improves balance by only %.1f%%", gain * 100)
        : null;
  }

  /** Returns the plan's actions as reassignments, in plan order. */
  public static List<Reassignment> toReassignments(Plan plan) {
    List<Reassignment> out = new ArrayList<>();
    for (Action a : plan.actions()) {
      out.add(new Reassignment(a.topic(), a.partition(), a.newReplicas(), a.bytesToMove()));
    }
    return out;
  }

  /**
   * Cancels an execution in progress at once (reverting in-flight moves, removing the throttle).
   */
  public synchronized void abortExecution() {
    if (executor != null) {
      executor.abort();
      listener.onExecutionFinished(executor.progress());
      executor = null;
    }
  }

  @Override
  public synchronized void close() {
    abortExecution();
    if (prober != null) {
      prober.close();
    }
  }
}
