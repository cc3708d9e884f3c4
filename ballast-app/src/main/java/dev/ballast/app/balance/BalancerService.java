package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyDetector;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.detect.SlowBrokerTracker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.relieve.Relief;
import dev.ballast.core.relieve.ReliefThreshold;
import dev.ballast.core.relieve.ThresholdRelief;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.SnapshotReader;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.exec.TopicJournal;
import dev.ballast.kafka.prometheus.PrometheusOverlay;
import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadOverlay;
import dev.ballast.kafka.sample.LoadSampler;
import dev.ballast.kafka.sample.SampleCollector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

  private final Admin admin;

  /** How long a proposal waiting for approval is kept before a fresh plan replaces it. */
  static final Duration PROPOSAL_TTL = Duration.ofMinutes(5);

  private final BalancerSettings settings;
  private final BalancerListener listener;
  private final List<BalancerListener> extraListeners = new CopyOnWriteArrayList<>();
  private final ClusterDescriber describer;
  private final LoadSampler sampler;
  private final CanaryProber prober;
  private final SlowBrokerTracker slow;
  private final Predicate<String> topicFilter;
  private final Map<Integer, BrokerState> operatorStates = new TreeMap<>();
  private final Map<Integer, Long> deadSince = new HashMap<>();
  private final ExecutionJournal journal;
  private volatile PlanExecutor executor;
  private boolean resuming;
  private String lastLeftovers = "";
  private final Object approvals = new Object();
  private Proposal proposal;
  private Proposal approved;
  private long proposals;
  private long proposedAt;
  private String proposedFor = "";
  private long cooldownUntil = Long.MIN_VALUE;
  private int imbalanceStreak;
  private boolean cooling;
  private volatile Snapshot last = new Snapshot(null, null, List.of(), null, null);
  private final SampleCollector collector;
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
    this.admin = requireNonNull(admin, "admin");
    this.journal = requireNonNull(journal, "journal");
    this.settings = requireNonNull(settings, "settings");
    this.listener = new FanoutListener(requireNonNull(listener, "listener"), extraListeners);
    Duration timeout = settings.executor().callTimeout();
    this.describer = new ClusterDescriber(admin, timeout, client.bootstrapServers());
    java.util.regex.Pattern only = settings.topics();
    this.topicFilter =
        t ->
            !t.startsWith("__")
                && !t.startsWith("_confluent")
                && !t.equals(CanaryProber.TOPIC)
                && (only == null || only.matcher(t).matches());
    LoadOverlay measured =
        settings.prometheusUrls().isEmpty()
            ? LoadOverlay.NONE
            : PrometheusOverlay.scraping(settings.prometheusUrls(), settings.samples(), nanoClock);
    this.collector = new SampleCollector(admin, timeout, nanoClock, topicFilter);
    this.sampler =
        new LoadSampler(collector, settings.samples(), settings.sampleInterval(), measured);
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

  /** Excludes {@code brokers}: they receive nothing (what they hold stays unless asked). */
  public synchronized void exclude(Set<Integer> brokers) {
    brokers.forEach(b -> operatorStates.put(b, BrokerState.EXCLUDED));
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
    brokers.forEach(b -> operatorStates.put(b, BrokerState.NEW));
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
    synchronized (approvals) {
      return java.util.Optional.ofNullable(approved == null ? proposal : null);
    }
  }

  /**
   * Approves proposal {@code id}: the next step starts executing it. Returns what happened; only
   * the proposal currently shown can be approved.
   */
  public Approval approve(long id) {
    synchronized (approvals) {
      if (executor != null || approved != null) {
        return Approval.BUSY;
      }
      if (proposal == null) {
        return Approval.NO_PROPOSAL;
      }
      if (proposal.id() != id) {
        return Approval.STALE;
      }
      approved = proposal;
      proposal = null;
      return Approval.APPROVED;
    }
  }

  /**
   * Asks the execution in progress to cancel (in-flight moves are reverted and the throttle removed
   * at the next step); returns false when nothing is executing.
   */
  public boolean cancelExecution() {
    PlanExecutor running = executor;
    if (running == null) {
      return false;
    }
    running.cancel();
    return true;
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
    return executor != null;
  }

  /** Does one step at {@code nowNanos}; returns how much work it did (0: nothing was due). */
  public synchronized int doWork(long nowNanos) {
    int work = 0;
    if (prober != null && prober.doWork(nowNanos) > 0) {
      slow.onRound(prober.lastRound());
      if (executor != null) {
        executor.onCanaryRound(prober.lastRound()); // the latency guard's input, if it has one
      }
      listener.onCanary(
          new BalancerListener.CanaryLatencies(
              prober.lastRound(),
              prober.percentile(0.50),
              prober.percentile(0.95),
              prober.percentile(0.99)));
      work++;
    }
    Proposal go;
    synchronized (approvals) {
      go = approved;
      approved = null;
    }
    if (go != null && executor == null) {
      startExecution(go.plan(), "approved: executing");
      work++;
    }
    boolean sampled = sampler.doWork(nowNanos) > 0;
    if (executor != null) {
      if (window != null && !window.contains(wallClock.instant())) {
        executor.stopStarting(
            "the execute window " + window.text() + " closed: no new move starts");
      }
      work += executor.doWork(nowNanos);
      listener.onProgress(executor.progress());
      if (executor.isFinished()) {
        ExecutionProgress end = executor.progress();
        last = new Snapshot(last.model(), last.estimate(), last.anomalies(), last.plan(), end);
        listener.onExecutionFinished(end);
        executor = null;
        if (!resuming) {
          cooldownUntil = nowNanos + settings.cooldown().toNanos();
          cooling = true;
        }
        resuming = false;
      }
    }
    if (!sampled) {
      return work;
    }
    work++;
    if (executor == null) {
      work += resumeLeftovers(nowNanos);
    }
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
        SnapshotReader.toModel(
            cluster,
            sampler.estimate().loads(),
            states,
            topicFilter,
            ClusterDescriber.fullyCordoned(collector.logDirs()));
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
    if (onlyRelieve != null) {
      relieve(model, nowNanos);
      return;
    }
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
      imbalanceStreak = 0;
      synchronized (approvals) {
        proposal = null;
      }
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
      Plan shown = propose(plan, model, anomalies, nowNanos);
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
      Plan shown = propose(plan, model, List.of(), nowNanos);
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
    startExecution(plan, note);
  }

  /**
   * Takes over what the journal holds from an earlier run (or from an execution of this one that
   * failed): moves in flight become the execution in progress; throttles with nothing in flight are
   * removed at once, in this step, so that planning is not held up.
   */
  private int resumeLeftovers(long nowNanos) {
    if (journal.state().isEmpty()) {
      return 0;
    }
    boolean moves = !journal.state().moves().isEmpty();
    PlanExecutor adopted =
        new PlanExecutor(admin, settings.executor(), journal, TopicJournal.owner());
    adopted.resume();
    if (moves) {
      executor = adopted;
      resuming = true;
      listener.onResume(adopted.progress());
      return 1;
    }
    for (int step = 0; step < 3 && !adopted.isFinished(); step++) {
      adopted.doWork(nowNanos); // poll (nothing in flight), then remove the throttles
    }
    ExecutionProgress end = adopted.progress();
    String shown = end.notes().toString();
    if (!shown.equals(lastLeftovers)) {
      lastLeftovers = shown;
      listener.onResume(end);
    }
    return 1;
  }

  private void startExecution(Plan plan, String note) {
    PlanExecutor started =
        new PlanExecutor(admin, settings.executor(), journal, TopicJournal.owner());
    started.start(toReassignments(plan));
    executor = started;
    listener.onPlan(plan, true, note);
  }

  /**
   * Returns the plan to propose: the one proposed already while it still applies to the cluster,
   * answers the same anomalies and is younger than {@link #PROPOSAL_TTL} (so what a user reviews
   * does not change under the approve button), else {@code plan} under a new number.
   */
  private Plan propose(Plan plan, ClusterModel model, List<Anomaly> anomalies, long nowNanos) {
    String answers =
        anomalies.stream()
            .filter(Anomaly::actionable)
            .map(a -> a.kind().label() + a.brokers())
            .sorted()
            .toList()
            .toString();
    synchronized (approvals) {
      if (approved != null) {
        return approved.plan();
      }
      boolean keep =
          proposal != null
              && nowNanos - proposedAt < PROPOSAL_TTL.toNanos()
              && answers.equals(proposedFor)
              && appliesTo(proposal.plan(), model);
      if (!keep) {
        boolean same = proposal != null && targets(proposal.plan()).equals(targets(plan));
        proposal = new Proposal(same ? proposal.id() : ++proposals, plan);
        proposedAt = nowNanos;
        proposedFor = answers;
      }
      return proposal.plan();
    }
  }

  /** Returns whether every action of {@code plan} starts from the replicas the cluster has now. */
  private static boolean appliesTo(Plan plan, ClusterModel model) {
    Map<String, List<Integer>> replicas = new HashMap<>();
    model.partitions().forEach(p -> replicas.put(p.name(), p.replicas()));
    return plan.actions().stream().allMatch(a -> a.oldReplicas().equals(replicas.get(a.name())));
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

  private static List<String> targets(Plan plan) {
    return plan.actions().stream().map(a -> a.name() + a.newReplicas()).toList();
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
