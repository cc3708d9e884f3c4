package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClusterUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ElectionNotNeededException;

/**
 * Executes reassignments on a live cluster, one step per {@link #doWork(long)}: submits batches
 * within the per-broker and per-cluster limits, reads progress from the cluster, elects preferred
 * leaders at the end and always removes the throttle it set (also on cancel and failure).
 *
 * <p>Every move and throttle is written to the {@link ExecutionJournal} before it is applied, so a
 * later executor can {@link #resume()} what a crashed one left: adopt its moves, finish (or cancel)
 * them and remove exactly the throttles it set. On {@link #start}, reassignments already in flight
 * with the plan's target are adopted, others (someone else's) are reported and left alone, and a
 * partition already at its target is skipped, so running the same plan again resumes it.
 *
 * <p>With a latency guard ({@link ExecutorSettings#guard()}), a plan's moves start as earlier ones
 * end, never more in flight than the guard allows, and the throttle follows the guard's pace; the
 * caller feeds the guard the canary's rounds through {@link #onCanaryRound}.
 */
public final class PlanExecutor {

  /** How long the cluster may not answer before a step gives up and fails the execution. */
  static final Duration UNREACHABLE_LIMIT = Duration.ofMinutes(2);

  /** How many polls a finished move's replicas may read as neither its step nor its target. */
  static final int STALE_READS = 5;

  private final Admin admin;
  private final ExecutorSettings settings;
  private final ExecutionJournal journal;
  private final ClusterReads reads;
  private final Throttles throttles;
  private final String owner;
  private final Map<TopicPartition, Reassignment> pending = new LinkedHashMap<>();
  private final Map<TopicPartition, Reassignment> inFlight = new LinkedHashMap<>();
  private final Map<TopicPartition, Reassignment> done = new LinkedHashMap<>();
  private final Map<TopicPartition, String> failed = new LinkedHashMap<>();
  private final Map<TopicPartition, Set<Integer>> touchedInFlight = new HashMap<>();
  private final Map<TopicPartition, List<Integer>> stepInFlight = new HashMap<>();
  private final Map<TopicPartition, Integer> staleReads = new HashMap<>();
  private LatencyGuard guard;
  private final List<Reassignment> all = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private ExecutionPhase phase = ExecutionPhase.IDLE;
  private int skipped;
  private long nextPollNanos;
  private long nextBatchNanos;
  private int batches;
  private long unreachableSince;
  private boolean unreachable;
  private boolean cancelRequested;
  private boolean stopStarting;

  /** Creates an executor over {@code admin} with a journal that lives in this process only. */
  public PlanExecutor(Admin admin, ExecutorSettings settings) {
    this(admin, settings, ExecutionJournal.inMemory(), "this process");
  }

  /** Creates an executor over {@code admin} that journals to {@code journal} as {@code owner}. */
  public PlanExecutor(
      Admin admin, ExecutorSettings settings, ExecutionJournal journal, String owner) {
    this.admin = requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.journal = requireNonNull(journal, "journal");
    this.owner = requireNonNull(owner, "owner");
    this.reads = new ClusterReads(admin, settings.callTimeout());
    this.throttles = new Throttles(admin, settings.callTimeout(), journal);
  }

  /** Starts executing {@code plan}: reconciles with the cluster and sets the throttle. */
  public synchronized void start(List<Reassignment> plan) {
    requireIdle();
    all.addAll(plan);
    Map<String, Map<Integer, List<Integer>>> current = reads.currentReplicas(plan);
    take(
        Reconciliation.calculateForPlan(
            plan, ongoingTargets(), current, journal.state().moves(), owner));
    List<Reassignment> moving = new ArrayList<>(pending.values());
    moving.addAll(inFlight.values());
    long rate = settings.throttleBytesPerSec();
    if (settings.guard().isPresent()) {
      guard =
          new LatencyGuard(settings.guard().get(), reads.underReplicatedOutside(inFlight.keySet()));
      rate = guard.current().throttle();
    }
    throttles.apply(moving.stream().filter(r -> isDataMove(r, current)).toList(), current, rate);
    phase = ExecutionPhase.MOVING;
  }

  /**
   * Takes over what the journal says an earlier run left: its moves still in flight are adopted and
   * tracked to the end, moves that ended meanwhile are forgotten, and its throttles are removed (as
   * they were before) once nothing is in flight. {@link #cancel()} reverts the adopted moves.
   */
  public synchronized void resume() {
    requireIdle();
    JournalState left = journal.state();
    List<Reassignment> moves =
        left.moves().values().stream().map(JournaledMove::toReassignment).toList();
    all.addAll(moves);
    take(
        Reconciliation.calculateForJournal(
            left.moves().values(), ongoingTargets(), reads.currentReplicas(moves)));
    throttles.adopt(left.throttles().values());
    if (throttles.isSet()) {
      notes.add(
          "adopted the throttle an earlier run set on "
              + throttles.describe()
              + "; removed once nothing of it is in flight");
    }
    phase = ExecutionPhase.MOVING;
  }

  /**
   * Gives the latency guard a canary round (latency per broker, ms); without a guard, or before
   * {@link #start}, it is ignored.
   */
  public synchronized void onCanaryRound(Map<Integer, Double> latenciesMs) {
    if (guard != null) {
      guard.onCanaryRound(latenciesMs);
    }
  }

  private Map<TopicPartition, List<Integer>> ongoingTargets() {
    Map<TopicPartition, List<Integer>> targets = new HashMap<>();
    reads.ongoing().forEach((tp, o) -> targets.put(tp, ClusterReads.target(o)));
    return targets;
  }

  private void take(Reconciliation.Outcome outcome) {
    inFlight.putAll(outcome.inFlight());
    pending.putAll(outcome.pending());
    done.putAll(outcome.done());
    skipped += outcome.skipped();
    notes.addAll(outcome.notes());
    journal.recordMoves(outcome.toRecord());
    journal.clearMoves(outcome.toForget());
  }

  /**
   * Does one step at {@code nowNanos}: polls progress, submits the next batch, elects leaders or
   * cleans up, as the phase requires. Returns how much work it did (0 when it only waited).
   */
  public synchronized int doWork(long nowNanos) {
    try {
      int work = step(nowNanos);
      if (unreachable) {
        unreachable = false;
        notes.add("the cluster answers again; carrying on");
      }
      return work;
    } catch (ClusterUnreachableException e) {
      if (!unreachable) {
        unreachable = true;
        unreachableSince = nowNanos;
        notes.add("the cluster did not answer (" + e.getMessage() + "); retrying");
      }
      if (nowNanos - unreachableSince < UNREACHABLE_LIMIT.toNanos()) {
        nextPollNanos = nowNanos + settings.pollInterval().toNanos();
        return 0;
      }
      fail("stopped: the cluster did not answer for " + UNREACHABLE_LIMIT.toMinutes() + " min");
      throw e;
    } catch (RuntimeException e) {
      fail("stopped on an error: " + e.getMessage());
      throw e;
    }
  }

  private int step(long nowNanos) {
    switch (phase) {
      case MOVING -> {
        if (cancelRequested) {
          cancelInFlight();
          return 1;
        }
        if (nowNanos - nextPollNanos < 0) {
          return 0;
        }
        nextPollNanos = nowNanos + settings.pollInterval().toNanos();
        int work = pollInFlight() + pace(nowNanos);
        if (mayStartMoves()
            && !pending.isEmpty()
            && !stopStarting
            && nowNanos - nextBatchNanos >= 0) {
          work += submitBatch();
          nextBatchNanos = nowNanos + settings.batchInterval().toNanos();
        }
        if (inFlight.isEmpty() && (pending.isEmpty() || stopStarting)) {
          phase = ExecutionPhase.ELECTING;
        }
        return work + 1;
      }
      case ELECTING -> {
        electPreferredLeaders();
        notes.addAll(throttles.remove());
        phase = ExecutionPhase.DONE;
        return 1;
      }
      default -> {
        return 0;
      }
    }
  }

  /** Lets the guard decide when a window ended, and sets the throttle it chose. */
  private int pace(long nowNanos) {
    if (guard == null || !guard.isDue(nowNanos)) {
      return 0;
    }
    long before = guard.current().throttle();
    GuardDecision next = guard.decide(nowNanos, reads.underReplicatedOutside(inFlight.keySet()));
    if (next.throttle() != before) {
      notes.addAll(throttles.changeRate(next.throttle()));
    }
    return 1;
  }

  /** Without a guard a batch starts once the last one ended; with one, while it allows more. */
  private boolean mayStartMoves() {
    return guard == null ? inFlight.isEmpty() : inFlight.size() < guard.current().moves();
  }

  /**
   * Asks the executor to cancel: the next step reverts in-flight moves and removes the throttle.
   */
  public synchronized void cancel() {
    if (!phase.isFinal()) {
      cancelRequested = true;
    }
  }

  /**
   * Cancels at once from any thread (Ctrl-C): reverts in-flight moves and removes the throttle.
   * Failures are noted, not thrown, so a shutdown hook can always call it; what could not be undone
   * stays in the journal for the next start.
   */
  public synchronized void abort() {
    if (phase.isFinal() || phase == ExecutionPhase.IDLE) {
      return;
    }
    try {
      cancelInFlight();
    } catch (RuntimeException e) {
      notes.add("cancel failed: " + e.getMessage());
      removeThrottleNoting();
      phase = ExecutionPhase.FAILED;
    }
  }

  /**
   * Starts no new move from now on (an execute window closed): moves in flight finish, leaders of
   * the finished ones are elected, and the rest stay {@link #notStarted()}; {@code why} is noted.
   */
  public synchronized void stopStarting(String why) {
    if (!phase.isFinal() && !stopStarting) {
      stopStarting = true;
      notes.add(why);
    }
  }

  /** Returns the reassignments not started yet, in plan order. */
  public synchronized List<Reassignment> notStarted() {
    return List.copyOf(pending.values());
  }

  /** Returns whether the execution has ended (done, cancelled or failed). */
  public synchronized boolean isFinished() {
    return phase.isFinal();
  }

  /** Returns where the execution stands. */
  public synchronized ExecutionProgress progress() {
    long total = all.stream().mapToLong(Reassignment::bytes).sum();
    long moved = done.values().stream().mapToLong(Reassignment::bytes).sum();
    return new ExecutionProgress(
        phase,
        all.size(),
        skipped,
        pending.size(),
        inFlight.size(),
        done.size(),
        failed.size(),
        total,
        moved,
        notes,
        guard == null ? Optional.empty() : Optional.of(guard.current()));
  }

  /** Returns the partitions whose reassignment the cluster refused, with the reason. */
  public synchronized Map<TopicPartition, String> failures() {
    return Map.copyOf(failed);
  }

  private void requireIdle() {
    if (phase != ExecutionPhase.IDLE) {
      throw new IllegalStateException("this executor already ran; create a new one");
    }
  }

  private int pollInFlight() {
    if (inFlight.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, PartitionReassignment> ongoing = reads.ongoing(inFlight.keySet());
    List<Reassignment> finished =
        inFlight.values().stream().filter(r -> !ongoing.containsKey(r.topicPartition())).toList();
    if (finished.isEmpty()) {
      return 0;
    }
    Map<String, Map<Integer, List<Integer>>> now = reads.currentReplicas(finished);
    List<TopicPartition> ended = new ArrayList<>();
    for (Reassignment r : finished) {
      TopicPartition tp = r.topicPartition();
      List<Integer> replicas = ClusterReads.replicasOf(r, now);
      List<Integer> step = stepInFlight.get(tp);
      boolean atTarget = replicas.equals(r.replicas());
      // The controller says the reassignment ended, but the broker that answered the metadata read
      // may not know yet: read again (a few polls) before calling it a step or a failure.
      if (!atTarget
          && step != null
          && !replicas.equals(step)
          && staleReads.merge(tp, 1, Integer::sum) <= STALE_READS) {
        continue;
      }
      inFlight.remove(tp);
      touchedInFlight.remove(tp);
      stepInFlight.remove(tp);
      staleReads.remove(tp);
      // A step on the way (one replica at a time) goes back to pending for the next one.
      (atTarget ? done : pending).put(tp, r);
      ended.add(tp);
    }
    journal.clearMoves(ended);
    return ended.size();
  }

  private int submitBatch() {
    Map<String, Map<Integer, List<Integer>>> current = reads.currentReplicas(pending.values());
    Set<TopicPartition> outOfSync =
        settings.order() == MoveOrder.UNDER_REPLICATED_FIRST
            ? reads.underReplicated(pending.values())
            : Set.of();
    List<MoveShaping.Candidate> candidates = new ArrayList<>();
    for (Reassignment r : pending.values()) {
      List<Integer> now = ClusterReads.replicasOf(r, current);
      List<Integer> step = MoveShaping.calculateNextStep(now, r.replicas());
      candidates.add(
          new MoveShaping.Candidate(
              r.topicPartition(),
              step,
              ClusterReads.touchedBrokers(now, step),
              r.bytes(),
              outOfSync.contains(r.topicPartition())));
    }
    int perBroker = settings.maxMovesPerBroker();
    int inCluster = settings.maxMovesInCluster();
    Map<Integer, Integer> busy = new HashMap<>();
    if (guard != null) {
      int allowed = guard.current().moves();
      perBroker = Math.min(perBroker, allowed);
      inCluster = Math.min(inCluster, allowed) - inFlight.size();
      touchedInFlight.values().forEach(t -> t.forEach(b -> busy.merge(b, 1, Integer::sum)));
    }
    List<MoveShaping.Candidate> chosen =
        MoveShaping.calculateBatch(
            MoveShaping.calculateOrder(candidates, settings.order()),
            perBroker,
            inCluster,
            batches++,
            busy);
    if (chosen.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, Optional<NewPartitionReassignment>> batch = new LinkedHashMap<>();
    List<JournaledMove> journaled = new ArrayList<>();
    for (MoveShaping.Candidate c : chosen) {
      Reassignment r = pending.get(c.partition());
      batch.put(c.partition(), Optional.of(new NewPartitionReassignment(c.step())));
      touchedInFlight.put(c.partition(), c.touched());
      stepInFlight.put(c.partition(), c.step());
      journaled.add(
          new JournaledMove(
              r.topic(), r.partition(), ClusterReads.replicasOf(r, current), c.step(), owner));
    }
    journal.recordMoves(journaled);
    Map<TopicPartition, KafkaFuture<Void>> results =
        admin.alterPartitionReassignments(batch).values();
    List<TopicPartition> refused = new ArrayList<>();
    for (TopicPartition tp : batch.keySet()) {
      Reassignment r = pending.remove(tp);
      try {
        results.get(tp).get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        inFlight.put(tp, r);
      } catch (ExecutionException e) {
        failed.put(tp, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        notes.add(r.name() + ": the cluster refused the move: " + failed.get(tp));
        refused.add(tp);
        touchedInFlight.remove(tp);
        stepInFlight.remove(tp);
      } catch (TimeoutException e) {
        inFlight.put(tp, r); // it may have been accepted; progress polling tells
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        inFlight.put(tp, r);
      }
    }
    journal.clearMoves(refused);
    return batch.size();
  }

  private void electPreferredLeaders() {
    Set<TopicPartition> touched = new HashSet<>(done.keySet());
    if (touched.isEmpty()) {
      return;
    }
    Map<TopicPartition, Optional<Throwable>> results =
        AdminCalls.get(
            admin.electLeaders(ElectionType.PREFERRED, touched).partitions(),
            settings.callTimeout(),
            "elect preferred leaders");
    results.forEach(
        (tp, error) ->
            error
                .filter(t -> !(t instanceof ElectionNotNeededException))
                .ifPresent(
                    t -> notes.add(tp + ": preferred leader election failed: " + t.getMessage())));
  }

  private void cancelInFlight() {
    if (!inFlight.isEmpty()) {
      Map<TopicPartition, Optional<NewPartitionReassignment>> revert = new LinkedHashMap<>();
      inFlight.keySet().forEach(tp -> revert.put(tp, Optional.empty()));
      var results = admin.alterPartitionReassignments(revert).values();
      List<TopicPartition> ended = new ArrayList<>();
      int reverted = 0;
      for (var e : results.entrySet()) {
        try {
          e.getValue().get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
          reverted++;
          ended.add(e.getKey());
        } catch (ExecutionException ex) {
          // NoReassignmentInProgress: it completed just now; count it as done
          done.put(e.getKey(), inFlight.get(e.getKey()));
          ended.add(e.getKey());
        } catch (TimeoutException | InterruptedException ex) {
          notes.add(e.getKey() + ": cancel not confirmed (kept in the journal): " + ex);
        }
      }
      journal.clearMoves(ended);
      notes.add(
          "cancelled: "
              + reverted
              + " in-flight move(s) reverted, "
              + pending.size()
              + " not started");
      inFlight.clear();
      touchedInFlight.clear();
      stepInFlight.clear();
      staleReads.clear();
    } else {
      notes.add("cancelled: " + pending.size() + " move(s) not started");
    }
    notes.addAll(throttles.remove());
    phase = ExecutionPhase.CANCELLED;
  }

  private void fail(String message) {
    notes.add(message);
    removeThrottleNoting();
    phase = ExecutionPhase.FAILED;
  }

  private void removeThrottleNoting() {
    try {
      notes.addAll(throttles.remove());
    } catch (RuntimeException e) {
      notes.add(
          "removing the throttle failed: "
              + e.getMessage()
              + " (it stays in the journal; the next start or execute --verify removes it)");
    }
  }

  private static boolean isDataMove(
      Reassignment r, Map<String, Map<Integer, List<Integer>>> current) {
    return !ClusterReads.touchedBrokers(ClusterReads.replicasOf(r, current), r.replicas())
        .isEmpty();
  }
}
