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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.ElectionNotNeededException;

/**
 * Executes reassignments on a live cluster, one step per {@link #doWork(long)}: submits batches
 * within the per-broker and per-cluster limits, reads progress from the cluster, elects preferred
 * leaders at the end and always removes the throttle it set (also on cancel and failure).
 *
 * <p>On {@link #start}, reassignments already in flight are reconciled: one with our target is
 * adopted and tracked, one with another target (someone else's) is reported and left alone, and a
 * partition already at its target is skipped, so running the same plan again resumes it.
 */
public final class PlanExecutor {

  private final Admin admin;
  private final ExecutorSettings settings;
  private final Throttles throttles;
  private final Map<TopicPartition, Reassignment> pending = new LinkedHashMap<>();
  private final Map<TopicPartition, Reassignment> inFlight = new LinkedHashMap<>();
  private final Map<TopicPartition, Reassignment> done = new LinkedHashMap<>();
  private final Map<TopicPartition, String> failed = new LinkedHashMap<>();
  private final Set<TopicPartition> foreign = new HashSet<>();
  private final List<Reassignment> all = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private ExecutionPhase phase = ExecutionPhase.IDLE;
  private int skipped;
  private long nextPollNanos;
  private long nextBatchNanos;
  private boolean cancelRequested;

  /** Creates an executor over {@code admin}. */
  public PlanExecutor(Admin admin, ExecutorSettings settings) {
    this.admin = requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.throttles = new Throttles(admin, settings.callTimeout());
  }

  /** Starts executing {@code plan}: reconciles with the cluster and sets the throttle. */
  public synchronized void start(List<Reassignment> plan) {
    if (phase != ExecutionPhase.IDLE) {
      throw new IllegalStateException("this executor already ran; create a new one");
    }
    all.addAll(plan);
    Map<TopicPartition, PartitionReassignment> ongoing =
        AdminCalls.get(
            admin.listPartitionReassignments().reassignments(),
            settings.callTimeout(),
            "list reassignments in flight");
    Map<String, Map<Integer, List<Integer>>> current = currentReplicas(plan);
    for (Reassignment r : plan) {
      TopicPartition tp = r.topicPartition();
      PartitionReassignment o = ongoing.get(tp);
      List<Integer> now =
          current.getOrDefault(r.topic(), Map.of()).getOrDefault(r.partition(), List.of());
      if (o != null) {
        if (target(o).equals(r.replicas())) {
          inFlight.put(tp, r);
          notes.add(
              r.name()
                  + ": already being moved to "
                  + r.replicas()
                  + " (an earlier run); tracking it");
        } else {
          skipped++;
          foreign.add(tp);
          notes.add(r.name() + ": someone else is reassigning it to " + target(o) + "; left alone");
        }
      } else if (now.equals(r.replicas())) {
        skipped++;
      } else {
        pending.put(tp, r);
      }
    }
    ongoing.keySet().stream()
        .filter(tp -> all.stream().noneMatch(r -> r.topicPartition().equals(tp)))
        .forEach(
            tp -> notes.add(tp + ": a reassignment not in this plan is in flight; left alone"));
    List<Reassignment> moving = new ArrayList<>(pending.values());
    moving.addAll(inFlight.values());
    throttles.apply(
        moving.stream().filter(r -> isDataMove(r, current)).toList(),
        current,
        settings.throttleBytesPerSec());
    phase = ExecutionPhase.MOVING;
  }

  /**
   * Does one step at {@code nowNanos}: polls progress, submits the next batch, elects leaders or
   * cleans up, as the phase requires. Returns how much work it did (0 when it only waited).
   */
  public synchronized int doWork(long nowNanos) {
    try {
      return step(nowNanos);
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
        int work = pollInFlight();
        if (inFlight.isEmpty() && !pending.isEmpty() && nowNanos - nextBatchNanos >= 0) {
          work += submitBatch();
          nextBatchNanos = nowNanos + settings.batchInterval().toNanos();
        }
        if (inFlight.isEmpty() && pending.isEmpty()) {
          phase = ExecutionPhase.ELECTING;
        }
        return work + 1;
      }
      case ELECTING -> {
        electPreferredLeaders();
        throttles.remove();
        phase = ExecutionPhase.DONE;
        return 1;
      }
      default -> {
        return 0;
      }
    }
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
   * Failures are noted, not thrown, so a shutdown hook can always call it.
   */
  public synchronized void abort() {
    if (phase.isFinal() || phase == ExecutionPhase.IDLE) {
      return;
    }
    try {
      cancelInFlight();
    } catch (RuntimeException e) {
      notes.add("cancel failed: " + e.getMessage());
      try {
        throttles.remove();
      } catch (RuntimeException e2) {
        notes.add(
            "removing the throttle failed: "
                + e2.getMessage()
                + " (remove it with kafka-configs.sh)");
      }
      phase = ExecutionPhase.FAILED;
    }
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
        notes);
  }

  /** Returns the partitions whose reassignment the cluster refused, with the reason. */
  public synchronized Map<TopicPartition, String> failures() {
    return Map.copyOf(failed);
  }

  private int pollInFlight() {
    if (inFlight.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, PartitionReassignment> ongoing =
        AdminCalls.get(
            admin.listPartitionReassignments(new HashSet<>(inFlight.keySet())).reassignments(),
            settings.callTimeout(),
            "read reassignment progress");
    int finished = 0;
    for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!ongoing.containsKey(e.getKey())) {
        done.put(e.getKey(), e.getValue());
        it.remove();
        finished++;
      }
    }
    return finished;
  }

  private int submitBatch() {
    Map<Integer, Integer> perBroker = new HashMap<>();
    Map<TopicPartition, Optional<NewPartitionReassignment>> batch = new LinkedHashMap<>();
    Map<String, Map<Integer, List<Integer>>> current =
        currentReplicas(new ArrayList<>(pending.values()));
    for (Reassignment r : pending.values()) {
      List<Integer> now =
          current.getOrDefault(r.topic(), Map.of()).getOrDefault(r.partition(), List.of());
      Set<Integer> touched = touchedBrokers(now, r.replicas());
      boolean leadershipOnly = touched.isEmpty();
      if (!leadershipOnly) {
        if (batch.size() >= settings.maxMovesInCluster()) {
          continue;
        }
        if (touched.stream()
            .anyMatch(b -> perBroker.getOrDefault(b, 0) >= settings.maxMovesPerBroker())) {
          continue;
        }
        touched.forEach(b -> perBroker.merge(b, 1, Integer::sum));
      }
      batch.put(r.topicPartition(), Optional.of(new NewPartitionReassignment(r.replicas())));
    }
    if (batch.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, KafkaFuture<Void>> results =
        admin.alterPartitionReassignments(batch).values();
    for (TopicPartition tp : batch.keySet()) {
      Reassignment r = pending.remove(tp);
      try {
        results.get(tp).get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        inFlight.put(tp, r);
      } catch (ExecutionException e) {
        failed.put(tp, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        notes.add(r.name() + ": the cluster refused the move: " + failed.get(tp));
      } catch (TimeoutException e) {
        inFlight.put(tp, r); // it may have been accepted; progress polling tells
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        inFlight.put(tp, r);
      }
    }
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
      int reverted = 0;
      for (var e : results.entrySet()) {
        try {
          e.getValue().get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
          reverted++;
        } catch (ExecutionException ex) {
          // NoReassignmentInProgress: it completed just now; count it as done
          done.put(e.getKey(), inFlight.get(e.getKey()));
        } catch (TimeoutException | InterruptedException ex) {
          notes.add(e.getKey() + ": cancel not confirmed: " + ex);
        }
      }
      notes.add(
          "cancelled: "
              + reverted
              + " in-flight move(s) reverted, "
              + pending.size()
              + " not started");
      inFlight.clear();
    } else {
      notes.add("cancelled: " + pending.size() + " move(s) not started");
    }
    throttles.remove();
    phase = ExecutionPhase.CANCELLED;
  }

  private void fail(String message) {
    notes.add(message);
    try {
      throttles.remove();
    } catch (RuntimeException e) {
      notes.add(
          "removing the throttle failed: " + e.getMessage() + " (remove it with kafka-configs.sh)");
    }
    phase = ExecutionPhase.FAILED;
  }

  private Map<String, Map<Integer, List<Integer>>> currentReplicas(List<Reassignment> plan) {
    Set<String> topics = new HashSet<>();
    plan.forEach(r -> topics.add(r.topic()));
    Map<String, Map<Integer, List<Integer>>> out = new HashMap<>();
    if (topics.isEmpty()) {
      return out;
    }
    Map<String, TopicDescription> described =
        AdminCalls.get(
            admin.describeTopics(topics).allTopicNames(),
            settings.callTimeout(),
            "describe the plan's topics");
    described.forEach(
        (name, d) -> {
          Map<Integer, List<Integer>> parts = new HashMap<>();
          for (TopicPartitionInfo p : d.partitions()) {
            parts.put(p.partition(), p.replicas().stream().map(Node::id).toList());
          }
          out.put(name, parts);
        });
    return out;
  }

  private static boolean isDataMove(
      Reassignment r, Map<String, Map<Integer, List<Integer>>> current) {
    List<Integer> now =
        current.getOrDefault(r.topic(), Map.of()).getOrDefault(r.partition(), List.of());
    return !touchedBrokers(now, r.replicas()).isEmpty();
  }

  /** Returns the brokers that gain or lose a replica; empty for a leadership-only change. */
  static Set<Integer> touchedBrokers(List<Integer> before, List<Integer> after) {
    Set<Integer> touched = new HashSet<>();
    after.stream().filter(b -> !before.contains(b)).forEach(touched::add);
    before.stream().filter(b -> !after.contains(b)).forEach(touched::add);
    return touched;
  }

  private static List<Integer> target(PartitionReassignment o) {
    return o.replicas().stream().filter(b -> !o.removingReplicas().contains(b)).toList();
  }
}
