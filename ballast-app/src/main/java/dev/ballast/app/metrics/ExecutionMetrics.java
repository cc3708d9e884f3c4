package dev.ballast.app.metrics;

import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.ActionKind;
import dev.ballast.core.plan.Plan;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans and their execution: plans by outcome, the last plan's figures, partitions by state, the
 * executor's phase, bytes moved and executions by outcome. Not thread-safe: {@link BallastMetrics}
 * serialises the calls.
 */
final class ExecutionMetrics {

  private final Counter plans;
  private final Gauge planActions;
  private final Gauge planBytes;
  private final Gauge planObjective;
  private final Gauge actions;
  private final Gauge state;
  private final Counter movedBytes;
  private final Counter executions;
  private long bytesDoneSeen;

  ExecutionMetrics(Registrar r) {
    plans =
        r.counter(
            "ballast_plans_total",
            "Plans made, by outcome: executed, proposed (dry run) or skipped (too small)",
            "outcome");
    List.of("executed", "proposed", "skipped").forEach(plans::initLabelValues);
    planActions =
        r.gauge(
            "ballast_plan_actions",
            "Actions of the last plan, by kind (leadership, move, swap)",
            "kind");
    for (ActionKind k : ActionKind.values()) {
      planActions.labelValues(label(k)).set(0);
    }
    planBytes = r.gauge("ballast_plan_move_bytes", "Bytes the last plan copies");
    planObjective =
        r.gauge(
            "ballast_plan_objective",
            "The planner's soft objective of the last plan, before and after it",
            "stage");
    actions =
        r.gauge(
            "ballast_executor_actions",
            "Partitions of the current or last execution, by state",
            "state");
    for (String s : List.of("pending", "in_flight", "done", "failed", "skipped")) {
      actions.labelValues(s).set(0);
    }
    state =
        r.gauge(
            "ballast_executor_state",
            "1 for the executor's phase (idle, moving, electing, done, cancelled, failed)",
            "state");
    setPhase(ExecutionPhase.IDLE);
    movedBytes =
        r.counter(
            "ballast_executor_moved_bytes_total",
            "Bytes of partition replicas moved by completed reassignments");
    executions =
        r.counter(
            "ballast_executions_total",
            "Executions that ended, by outcome (done, cancelled, failed)",
            "outcome");
    for (ExecutionPhase p : ExecutionPhase.values()) {
      if (p.isFinal()) {
        executions.initLabelValues(p.label());
      }
    }
  }

  void onPlan(Plan plan, boolean executing, String note) {
    plans.labelValues(outcome(executing, note)).inc();
    Map<ActionKind, Integer> kinds = new EnumMap<>(ActionKind.class);
    for (Action a : plan.actions()) {
      kinds.merge(a.kind(), 1, Integer::sum);
    }
    for (ActionKind k : ActionKind.values()) {
      planActions.labelValues(label(k)).set(kinds.getOrDefault(k, 0));
    }
    planBytes.set(plan.summary().bytesToMove());
    planObjective.labelValues("before").set(plan.summary().before().soft());
    planObjective.labelValues("after").set(plan.summary().after().soft());
    if (executing) {
      bytesDoneSeen = 0;
    }
  }

  void onProgress(ExecutionProgress progress) {
    actions.labelValues("pending").set(progress.pending());
    actions.labelValues("in_flight").set(progress.inFlight());
    actions.labelValues("done").set(progress.done());
    actions.labelValues("failed").set(progress.failed());
    actions.labelValues("skipped").set(progress.skipped());
    setPhase(progress.phase());
    if (progress.bytesDone() > bytesDoneSeen) {
      movedBytes.inc(progress.bytesDone() - bytesDoneSeen);
      bytesDoneSeen = progress.bytesDone();
    }
  }

  void onExecutionFinished(ExecutionProgress progress) {
    onProgress(progress);
    actions.labelValues("in_flight").set(0);
    executions.labelValues(progress.phase().label()).inc();
  }

  /** Returns the outcome label of a plan event. */
  static String outcome(boolean executing, String note) {
    if (executing) {
      return "executed";
    }
    return note != null && note.startsWith("skipped") ? "skipped" : "proposed";
  }

  private void setPhase(ExecutionPhase phase) {
    for (ExecutionPhase p : ExecutionPhase.values()) {
      state.labelValues(p.label()).set(p == phase ? 1 : 0);
    }
  }

  private static String label(ActionKind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }
}
