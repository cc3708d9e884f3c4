package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
 * Where each move of a {@link PlanExecutor}'s plan stands (pending, in flight, done or refused),
 * and the Admin calls that move it along: submitting a batch, reading which in-flight moves ended,
 * reverting them, electing preferred leaders at the end. Every move is journaled before it is
 * submitted and cleared once it ended. Not thread-safe: the executor guards it.
 */
final class MoveTracker {

  /** How many polls a finished move's replicas may read as neither its step nor its target. */
  static final int STALE_READS = 5;

  private final Admin admin;
  private final ExecutorSettings settings;
  private final ExecutionJournal journal;
  private final ClusterReads reads;
  private final String owner;
  private final List<String> notes;
  final Map<TopicPartition, Reassignment> pending = new LinkedHashMap<>();
  final Map<TopicPartition, Reassignment> inFlight = new LinkedHashMap<>();
  final Map<TopicPartition, Reassignment> done = new LinkedHashMap<>();
  final Map<TopicPartition, String> failed = new LinkedHashMap<>();
  private final Map<TopicPartition, Set<Integer>> touchedInFlight = new HashMap<>();
  private final Map<TopicPartition, List<Integer>> stepInFlight = new HashMap<>();
  private final Map<TopicPartition, Integer> staleReads = new HashMap<>();
  private int skipped;
  private int batches;

  /** Creates a tracker that journals as {@code owner} and adds what it did to {@code notes}. */
  MoveTracker(
      Admin admin,
      ExecutorSettings settings,
      ExecutionJournal journal,
      ClusterReads reads,
      String owner,
      List<String> notes) {
    this.admin = requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.journal = requireNonNull(journal, "journal");
    this.reads = requireNonNull(reads, "reads");
    this.owner = requireNonNull(owner, "owner");
    this.notes = requireNonNull(notes, "notes");
  }

  /** Takes the moves of a reconciliation with the cluster and journals what it says. */
  void take(Reconciliation.Outcome outcome) {
    inFlight.putAll(outcome.inFlight());
    pending.putAll(outcome.pending());
    done.putAll(outcome.done());
    skipped += outcome.skipped();
    notes.addAll(outcome.notes());
    journal.recordMoves(outcome.toRecord());
    journal.clearMoves(outcome.toForget());
  }

  /** Returns how many of the plan's moves were already at their target or left alone. */
  int skipped() {
    return skipped;
  }

  /** Returns the partitions with a move in flight. */
  Set<TopicPartition> inFlightPartitions() {
    return inFlight.keySet();
  }

  /**
   * Reads which in-flight moves ended: one at its target is done, one at an intermediate step goes
   * back to pending for the next step. Returns how many ended.
   */
  int poll() {
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
      forgetStep(tp);
      // A step on the way (one replica at a time) goes back to pending for the next one.
      (atTarget ? done : pending).put(tp, r);
      ended.add(tp);
    }
    journal.clearMoves(ended);
    return ended.size();
  }

  /**
   * Submits the next batch within the per-broker and per-cluster limits, and within {@code
   * guardMoves} in flight when a latency guard sets it. Returns how many moves it submitted.
   */
  int submitBatch(OptionalInt guardMoves) {
    Map<String, Map<Integer, List<Integer>>> current = reads.currentReplicas(pending.values());
    int perBroker = settings.maxMovesPerBroker();
    int inCluster = settings.maxMovesInCluster();
    Map<Integer, Integer> busy = new HashMap<>();
    if (guardMoves.isPresent()) {
      int allowed = guardMoves.getAsInt();
      perBroker = Math.min(perBroker, allowed);
      inCluster = Math.min(inCluster, allowed) - inFlight.size();
      touchedInFlight.values().forEach(t -> t.forEach(b -> busy.merge(b, 1, Integer::sum)));
    }
    List<MoveShaping.Candidate> chosen =
        MoveShaping.calculateBatch(
            MoveShaping.calculateOrder(candidates(current), settings.order()),
            perBroker,
            inCluster,
            batches++,
            busy);
    if (chosen.isEmpty()) {
      return 0;
    }
    return submit(chosen, current);
  }

  private List<MoveShaping.Candidate> candidates(Map<String, Map<Integer, List<Integer>>> current) {
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
    return candidates;
  }

  private int submit(
      List<MoveShaping.Candidate> chosen, Map<String, Map<Integer, List<Integer>>> current) {
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
        results.get(tp).get(timeoutMillis(), TimeUnit.MILLISECONDS);
        inFlight.put(tp, r);
      } catch (ExecutionException e) {
        failed.put(tp, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        notes.add(r.name() + ": the cluster refused the move: " + failed.get(tp));
        refused.add(tp);
        forgetStep(tp);
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

  /** Elects the preferred leaders of the moves that are done; failures are noted. */
  void electPreferredLeaders() {
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

  /**
   * Reverts every in-flight move (one that completed just now counts as done; one whose revert is
   * not confirmed stays journaled) and notes what it did.
   */
  void cancelInFlight() {
    if (inFlight.isEmpty()) {
      notes.add("cancelled: " + pending.size() + " move(s) not started");
      return;
    }
    Map<TopicPartition, Optional<NewPartitionReassignment>> revert = new LinkedHashMap<>();
    inFlight.keySet().forEach(tp -> revert.put(tp, Optional.empty()));
    var results = admin.alterPartitionReassignments(revert).values();
    List<TopicPartition> ended = new ArrayList<>();
    int reverted = 0;
    for (var e : results.entrySet()) {
      try {
        e.getValue().get(timeoutMillis(), TimeUnit.MILLISECONDS);
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
  }

  private void forgetStep(TopicPartition tp) {
    touchedInFlight.remove(tp);
    stepInFlight.remove(tp);
    staleReads.remove(tp);
  }

  private long timeoutMillis() {
    return settings.callTimeout().toMillis();
  }
}
