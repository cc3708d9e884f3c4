package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.ClusterUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

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

  private final ExecutorSettings settings;
  private final ExecutionJournal journal;
  private final ClusterReads reads;
  private final Throttles throttles;
  private final String owner;
  private final List<Reassignment> all = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final MoveTracker moves;
  private LatencyGuard guard;
  private ExecutionPhase phase = ExecutionPhase.IDLE;
  private long nextPollNanos;
  private long nextBatchNanos;
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
    requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.journal = requireNonNull(journal, "journal");
    this.owner = requireNonNull(owner, "owner");
    this.reads = new ClusterReads(admin, settings.callTimeout());
    this.throttles = new Throttles(admin, settings.callTimeout(), journal);
    this.moves = new MoveTracker(admin, settings, journal, reads, owner, notes);
  }

  /** Starts executing {@code plan}: reconciles with the cluster and sets the throttle. */
  public synchronized void start(List<Reassignment> plan) {
    requireIdle();
    all.addAll(plan);
    Map<String, Map<Integer, List<Integer>>> current = reads.currentReplicas(plan);
    moves.take(
        Reconciliation.calculateForPlan(
            plan, ongoingTargets(), current, journal.state().moves(), owner));
    List<Reassignment> moving = new ArrayList<>(moves.pending.values());
    moving.addAll(moves.inFlight.values());
    long rate = settings.throttleBytesPerSec();
    if (settings.guard().isPresent()) {
      guard =
          new LatencyGuard(
              settings.guard().get(), reads.underReplicatedOutside(moves.inFlightPartitions()));
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
    List<Reassignment> adopted =
        left.moves().values().stream().map(JournaledMove::toReassignment).toList();
    all.addAll(adopted);
    moves.take(
        Reconciliation.calculateForJournal(
            left.moves().values(), ongoingTargets(), reads.currentReplicas(adopted)));
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
          cancelMoves();
          return 1;
        }
        if (nowNanos - nextPollNanos < 0) {
          return 0;
        }
        nextPollNanos = nowNanos + settings.pollInterval().toNanos();
        int work = moves.poll() + pace(nowNanos);
        if (mayStartMoves()
            && !moves.pending.isEmpty()
            && !stopStarting
            && nowNanos - nextBatchNanos >= 0) {
          work +=
              moves.submitBatch(
                  guard == null ? OptionalInt.empty() : OptionalInt.of(guard.current().moves()));
          nextBatchNanos = nowNanos + settings.batchInterval().toNanos();
        }
        if (moves.inFlight.isEmpty() && (moves.pending.isEmpty() || stopStarting)) {
          phase = ExecutionPhase.ELECTING;
        }
        return work + 1;
      }
      case ELECTING -> {
        moves.electPreferredLeaders();
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
    GuardDecision next =
        guard.decide(nowNanos, reads.underReplicatedOutside(moves.inFlightPartitions()));
    if (next.throttle() != before) {
      notes.addAll(throttles.changeRate(next.throttle()));
    }
    return 1;
  }

  /** Without a guard a batch starts once the last one ended; with one, while it allows more. */
  private boolean mayStartMoves() {
    return guard == null
        ? moves.inFlight.isEmpty()
        : moves.inFlight.size() < guard.current().moves();
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
      cancelMoves();
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
    return List.copyOf(moves.pending.values());
  }

  /** Returns whether the execution has ended (done, cancelled or failed). */
  public synchronized boolean isFinished() {
    return phase.isFinal();
  }

  /** Returns where the execution stands. */
  public synchronized ExecutionProgress progress() {
    long total = all.stream().mapToLong(Reassignment::bytes).sum();
    long moved = moves.done.values().stream().mapToLong(Reassignment::bytes).sum();
    return new ExecutionProgress(
        phase,
        all.size(),
        moves.skipped(),
        moves.pending.size(),
        moves.inFlight.size(),
        moves.done.size(),
        moves.failed.size(),
        total,
        moved,
        notes,
        guard == null ? Optional.empty() : Optional.of(guard.current()));
  }

  /** Returns the partitions whose reassignment the cluster refused, with the reason. */
  public synchronized Map<TopicPartition, String> failures() {
    return Map.copyOf(moves.failed);
  }

  private void requireIdle() {
    if (phase != ExecutionPhase.IDLE) {
      throw new IllegalStateException("this executor already ran; create a new one");
    }
  }

  /** Reverts the moves in flight, removes the throttle and ends cancelled. */
  private void cancelMoves() {
    moves.cancelInFlight();
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
