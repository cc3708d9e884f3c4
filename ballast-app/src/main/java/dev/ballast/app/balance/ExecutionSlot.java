package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.exec.TopicJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The one execution the balancer runs at a time: a plan it started, or what an earlier run left in
 * the journal and it adopted. The service calls it under its own lock; {@link #isBusy()} and {@link
 * #cancel()} may be called from any thread.
 */
final class ExecutionSlot {

  /** What one step of the execution did; {@code end} is null while it goes on. */
  record Step(int work, ExecutionProgress end, boolean resumed) {}

  private final Admin admin;
  private final ExecutorSettings settings;
  private final ExecutionJournal journal;
  private final BalancerListener listener;
  private volatile PlanExecutor executor;
  private boolean resuming;
  private String lastLeftovers = "";

  ExecutionSlot(
      Admin admin, ExecutorSettings settings, ExecutionJournal journal, BalancerListener listener) {
    this.admin = requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.journal = requireNonNull(journal, "journal");
    this.listener = requireNonNull(listener, "listener");
  }

  /** Returns whether an execution is in progress. */
  boolean isBusy() {
    return executor != null;
  }

  /** Starts executing {@code plan} and tells the listener, with {@code note}. */
  void start(Plan plan, String note) {
    PlanExecutor started = newExecutor();
    started.start(toReassignments(plan));
    executor = started;
    listener.onPlan(plan, true, note);
  }

  /**
   * Takes over what the journal holds from an earlier run (or from an execution of this one that
   * failed): moves in flight become the execution in progress; throttles with nothing in flight are
   * removed at once, in this step, so that planning is not held up. Returns the work done.
   */
  int resumeLeftovers(long nowNanos) {
    if (journal.state().isEmpty()) {
      return 0;
    }
    boolean moves = !journal.state().moves().isEmpty();
    PlanExecutor adopted = newExecutor();
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

  /** Gives the execution's latency guard a canary round, if an execution runs. */
  void onCanaryRound(Map<Integer, Double> latenciesMs) {
    PlanExecutor running = executor;
    if (running != null) {
      running.onCanaryRound(latenciesMs); // the latency guard's input, if it has one
    }
  }

  /** Starts no new move of the execution in progress, noting {@code why}. */
  void stopStarting(String why) {
    executor.stopStarting(why);
  }

  /** Steps the execution in progress and reports its progress; frees the slot when it ended. */
  Step step(long nowNanos) {
    int work = executor.doWork(nowNanos);
    listener.onProgress(executor.progress());
    if (!executor.isFinished()) {
      return new Step(work, null, false);
    }
    Step ended = new Step(work, executor.progress(), resuming);
    executor = null;
    resuming = false;
    return ended;
  }

  /** Asks the execution in progress to cancel at its next step; false when none runs. */
  boolean cancel() {
    PlanExecutor running = executor;
    if (running == null) {
      return false;
    }
    running.cancel();
    return true;
  }

  /** Cancels the execution in progress at once and returns its end, or null when none ran. */
  ExecutionProgress abort() {
    PlanExecutor running = executor;
    if (running == null) {
      return null;
    }
    running.abort();
    executor = null;
    return running.progress();
  }

  /** Returns the plan's actions as reassignments, in plan order. */
  static List<Reassignment> toReassignments(Plan plan) {
    List<Reassignment> out = new ArrayList<>();
    for (Action a : plan.actions()) {
      out.add(new Reassignment(a.topic(), a.partition(), a.newReplicas(), a.bytesToMove()));
    }
    return out;
  }

  private PlanExecutor newExecutor() {
    return new PlanExecutor(admin, settings, journal, TopicJournal.owner());
  }
}
