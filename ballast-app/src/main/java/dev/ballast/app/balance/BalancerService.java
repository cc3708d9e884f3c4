package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyDetector;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.detect.SlowBrokerTracker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.relieve.Relief;
import dev.ballast.core.relieve.ReliefThreshold;
import dev.ballast.core.relieve.ThresholdRelief;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.prometheus.PrometheusOverlay;
import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadOverlay;
import dev.ballast.kafka.sample.LoadSampler;
import dev.ballast.kafka.sample.SampleCollector;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * The auto-balancer: each {@link #doWork(long)} samples load when due, probes broker latency when
 * due, and then either drives the execution in progress or, once the load window is full and the
 * cool-down has passed, detects anomalies, plans and starts executing (or only proposes, in
 * dry-run). Detection is the normal path for every trigger: imbalance, new, draining, dead and slow
 * brokers. In dry-run a plan stays proposed until {@link #approve(long)} (the dashboard's button)
 * starts it.
 */
public final class BalancerService implements AutoCloseable {

  private final BalancerSettings settings;
  private final BalancerListener listener;
  private final List<BalancerListener> extraListeners = new CopyOnWriteArrayList<>();
  private final LoadSampler sampler;
  private final CanaryProber prober;
  private final SlowBrokerTracker slow;
  private final ModelReader models;
  private final ExecutionSlot execution;
  private final Proposals proposals = new Proposals();
  private long cooldownUntil = Long.MIN_VALUE;
  private int imbalanceStreak;
  private boolean cooling;
  private volatile Snapshot last = new Snapshot(null, null, List.of(), null, null);
  private ReliefThreshold onlyRelieve;
  private ExecuteWindow window;
  private Clock wallClock = Clock.systemUTC();

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

  /**
   * A plan proposed in dry-run, waiting for approval.
   *
   * @param id the proposal's number, for approving exactly the plan a user saw
   * @param plan the plan
   */
  public record Proposal(long id, Plan plan) {}

  /** What {@link #approve(long)} did. */
  public enum Approval {
    /** The plan starts at the next step. */
    APPROVED,
    /** No plan waits for approval. */
    NO_PROPOSAL,
    /** Another plan replaced the one named; review the current proposal. */
    STALE,
    /** An execution is in progress already. */
    BUSY
  }

  /** Creates the service for the cluster behind {@code admin}, journaling in memory only. */
  public BalancerService(
      Admin admin,
      ClientSettings client,
      BalancerSettings settings,
      LongSupplier nanoClock,
      BalancerListener listener) {
    this(admin, client, settings, nanoClock, listener, ExecutionJournal.inMemory());
  }

  /**
   * Creates the service for the cluster behind {@code admin}; it journals every execution to {@code
   * journal} and, before planning, finishes what an earlier run left there.
   */
  public BalancerService(
      Admin admin,
      ClientSettings client,
      BalancerSettings settings,
      LongSupplier nanoClock,
      BalancerListener listener,
      ExecutionJournal journal) {
    requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.listener = new FanoutListener(requireNonNull(listener, "listener"), extraListeners);
    Duration timeout = settings.executor().callTimeout();
    Predicate<String> topicFilter = ModelReader.topicFilter(settings.topics());
    LoadOverlay measured =
        settings.prometheusUrls().isEmpty()
            ? LoadOverlay.NONE
            : PrometheusOverlay.scraping(settings.prometheusUrls(), settings.samples(), nanoClock);
    SampleCollector collector = new SampleCollector(admin, timeout, nanoClock, topicFilter);
    this.sampler =
        new LoadSampler(collector, settings.samples(), settings.sampleInterval(), measured);
    this.prober =
        settings.canary()
            ? new CanaryProber(
                admin, client, settings.canaryInterval(), Duration.ofSeconds(5), 30, nanoClock)
            : null;
    this.slow = new SlowBrokerTracker(settings.slow());
    this.execution = new ExecutionSlot(admin, settings.executor(), journal, this.listener);
    this.models =
        new ModelReader(
            new ClusterDescriber(admin, timeout, client.bootstrapServers()),
            collector,
            topicFilter,
            slow);
  }

  /** Marks {@code brokers} to be drained: emptied and given nothing. */
  public synchronized void drain(Set<Integer> brokers) {
    models.mark(brokers, BrokerState.DRAINING);
  }

  /** Excludes {@code brokers}: they receive nothing (what they hold stays unless asked). */
  public synchronized void exclude(Set<Integer> brokers) {
    models.mark(brokers, BrokerState.EXCLUDED);
  }

  /**
   * Plans only the relief of brokers above {@code threshold} ({@code --only-relieve}): no other
   * balancing and no self-healing; null plans as usual.
   */
  public synchronized void relieveOnly(ReliefThreshold threshold) {
    this.onlyRelieve = threshold;
  }

  /**
   * Starts executions only inside {@code executeWindow} read on {@code clock}, and starts no new
   * move once it closes (those in flight finish); a plan made outside it is held, and the service
   * plans afresh from the cluster as it is when the window opens.
   */
  public synchronized void executeWithin(ExecuteWindow executeWindow, Clock clock) {
    this.window = requireNonNull(executeWindow, "executeWindow");
    this.wallClock = requireNonNull(clock, "clock");
  }

  /** Marks {@code brokers} as new brokers to receive their share. */
  public synchronized void addBrokers(Set<Integer> brokers) {
    models.mark(brokers, BrokerState.NEW);
  }

  /** Adds a listener that hears every event after the one given at construction. */
  public void addListener(BalancerListener more) {
    extraListeners.add(requireNonNull(more, "listener"));
  }

  /** Removes a listener added with {@link #addListener}. */
  public void removeListener(BalancerListener added) {
    extraListeners.remove(added);
  }

  /** Returns the settings the service runs with. */
  public BalancerSettings settings() {
    return settings;
  }

  /** Returns the plan waiting for approval, if any (dry-run only). */
  public java.util.Optional<Proposal> proposal() {
    return proposals.waiting();
  }

  /**
   * Approves proposal {@code id}: the next step starts executing it. Returns what happened; only
   * the proposal currently shown can be approved.
   */
  public Approval approve(long id) {
    return proposals.approve(id, execution::isBusy);
  }

  /**
   * Asks the execution in progress to cancel (in-flight moves are reverted and the throttle removed
   * at the next step); returns false when nothing is executing.
   */
  public boolean cancelExecution() {
    return execution.cancel();
  }

  /** Reports a step that failed outside the service (the runner's error handler) to listeners. */
  public void reportError(String message, Exception e) {
    listener.onError(message, e);
  }

  /** Returns what the service knows now. */
  public Snapshot snapshot() {
    return last;
  }

  /** Returns whether an execution is in progress. */
  public synchronized boolean isExecuting() {
    return execution.isBusy();
  }

  /** Does one step at {@code nowNanos}; returns how much work it did (0: nothing was due). */
  public synchronized int doWork(long nowNanos) {
    int work = 0;
    if (prober != null && prober.doWork(nowNanos) > 0) {
      slow.onRound(prober.lastRound());
      execution.onCanaryRound(prober.lastRound());
      listener.onCanary(
          new BalancerListener.CanaryLatencies(
              prober.lastRound(),
              prober.percentile(0.50),
              prober.percentile(0.95),
              prober.percentile(0.99)));
      work++;
    }
    Proposal go = proposals.takeApproved();
    if (go != null && !execution.isBusy()) {
      execution.start(go.plan(), "approved: executing");
      work++;
    }
    boolean sampled = sampler.doWork(nowNanos) > 0;
    if (execution.isBusy()) {
      work += driveExecution(nowNanos);
    }
    if (!sampled) {
      return work;
    }
    work++;
    if (!execution.isBusy()) {
      work += execution.resumeLeftovers(nowNanos);
    }
    ClusterModel model = models.read(sampler.estimate().loads(), nowNanos);
    listener.onSample(model, sampler.estimate(), prober == null ? Map.of() : prober.lastRound());
    if (!execution.isBusy() && sampler.isWarm() && !(cooling && nowNanos - cooldownUntil < 0)) {
      cooling = false;
      evaluate(model, nowNanos);
    } else {
      last =
          new Snapshot(model, sampler.estimate(), last.anomalies(), last.plan(), last.progress());
    }
    return work;
  }

  /** Steps the execution in progress; when it ends, records it and starts the cool-down. */
  private int driveExecution(long nowNanos) {
    if (window != null && !window.contains(wallClock.instant())) {
      execution.stopStarting("the execute window " + window.text() + " closed: no new move starts");
    }
    ExecutionSlot.Step step = execution.step(nowNanos);
    if (step.end() != null) {
      ExecutionProgress end = step.end();
      last = new Snapshot(last.model(), last.estimate(), last.anomalies(), last.plan(), end);
      listener.onExecutionFinished(end);
      if (!step.resumed()) {
        cooldownUntil = nowNanos + settings.cooldown().toNanos();
        cooling = true;
      }
    }
    return step.work();
  }

  private void evaluate(ClusterModel model, long nowNanos) {
    if (onlyRelieve != null) {
      relieve(model, nowNanos);
      return;
    }
    Planner planner = new Planner(settings.planner());
    Plan first = planner.plan(model);
    List<Anomaly> anomalies =
        AnomalyDetector.detect(
            model,
            first,
            models.deadFor(nowNanos),
            settings.deadBrokerGrace().toNanos(),
            slow.evidence());
    listener.onAnomalies(anomalies);
    Map<Integer, BrokerState> grace = AnomalyDetector.graceStates(anomalies);
    Plan plan = grace.isEmpty() ? first : planner.plan(model.withBrokerStates(grace));
    last = new Snapshot(model, sampler.estimate(), anomalies, plan, last.progress());
    if (!AnomalyDetector.actionable(anomalies) || plan.isEmpty()) {
      imbalanceStreak = 0;
      proposals.withdraw();
      return;
    }
    // A pure imbalance must persist: one noisy window (a burst, a client catching up) is no reason
    // to move data. Dead, draining, new and slow brokers are acted on at once.
    boolean onlyImbalance =
        anomalies.stream()
            .filter(Anomaly::actionable)
            .allMatch(a -> a.kind() == AnomalyKind.IMBALANCE);
    imbalanceStreak = onlyImbalance ? imbalanceStreak + 1 : 0;
    if (onlyImbalance
        && (imbalanceStreak < settings.imbalanceConfirmations() || !slow.suspects().isEmpty())) {
      return; // not confirmed yet, or a broker looks slow and distorts the load figures
    }
    String trivial = trivialReason(plan);
    if (trivial != null) {
      listener.onPlan(plan, false, trivial);
      return;
    }
    if (settings.dryRun()) {
      Plan shown = proposals.propose(plan, model, anomalies, nowNanos);
      listener.onPlan(shown, false, "dry run: proposed, not executed");
      return;
    }
    startInWindow(plan, "executing");
  }

  /** Plans only the relief of brokers above the threshold; needs it seen twice, as imbalance. */
  private void relieve(ClusterModel model, long nowNanos) {
    Relief relief = ThresholdRelief.calculate(model, onlyRelieve, settings.planner());
    Plan plan = relief.plan();
    last = new Snapshot(model, sampler.estimate(), List.of(), plan, last.progress());
    imbalanceStreak = plan.isEmpty() ? 0 : imbalanceStreak + 1;
    if (plan.isEmpty() || imbalanceStreak < settings.imbalanceConfirmations()) {
      if (plan.isEmpty() && !relief.relievedAll()) {
        listener.onPlan(plan, false, String.join("; ", relief.describe()));
      }
      return;
    }
    if (settings.dryRun()) {
      Plan shown = proposals.propose(plan, model, List.of(), nowNanos);
      listener.onPlan(shown, false, "dry run: proposed, not executed");
      return;
    }
    startInWindow(plan, "relieving brokers above " + onlyRelieve.text());
  }

  /** Starts {@code plan} now, or holds it when an execute window is set and closed. */
  private void startInWindow(Plan plan, String note) {
    if (window != null && !window.contains(wallClock.instant())) {
      listener.onPlan(
          plan,
          false,
          "held: moves start inside the execute window "
              + window.text()
              + " (next at "
              + window.nextStart(wallClock.instant())
              + "), planned afresh then");
      return;
    }
    execution.start(plan, note);
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

  /**
   * Cancels an execution in progress at once (reverting in-flight moves, removing the throttle).
   */
  public synchronized void abortExecution() {
    ExecutionProgress end = execution.abort();
    if (end != null) {
      listener.onExecutionFinished(end);
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
