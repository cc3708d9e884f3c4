package dev.ballast.app.http;

import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.metrics.ResourceBalance;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlanSummary;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The JSON documents of the API (see docs/API.md), computed from what the service knows. */
final class ApiViews {

  /** Most replicas listed per broker; the count is always complete. */
  static final int MAX_REPLICAS_LISTED = 500;

  private ApiViews() {}

  /** One replica on a broker. */
  record ReplicaView(String partition, boolean leader) {}

  /** One broker with its load as sampled and the replicas it holds. */
  record BrokerView(
      int id,
      String rack,
      String state,
      boolean stale,
      double bytesInPerSecond,
      double bytesOutPerSecond,
      double messagesInPerSecond,
      long logSizeBytes,
      int partitions,
      int leaders,
      Double canaryLatencyMs,
      Double canaryP99Ms,
      List<ReplicaView> replicas) {}

  /** The brokers document. */
  record BrokersView(long time, boolean loadReady, List<BrokerView> brokers) {}

  /** One action of a plan with its reason. */
  record ActionView(
      int sequence,
      String kind,
      String partition,
      List<Integer> oldReplicas,
      List<Integer> newReplicas,
      int oldLeader,
      int newLeader,
      long bytesToMove,
      String reason,
      String detail) {}

  /** One goal before and after a plan. */
  record GoalView(
      String goal, boolean idle, double maxOverMeanBefore, double maxOverMeanAfter, boolean met) {}

  /**
   * The plan of the last evaluation: status is "awaiting-approval" (with proposalId), "executing",
   * "executed", "skipped", "proposed" or "none".
   */
  record PlanView(
      String status,
      Long proposalId,
      String note,
      Long time,
      int replicaMoves,
      int leadershipTransfers,
      long bytesToMove,
      double worstMaxOverMeanBefore,
      double worstMaxOverMeanAfter,
      List<GoalView> goals,
      List<ActionView> actions) {}

  /** Where the current or last execution stands. */
  record ExecutionView(
      String phase,
      boolean running,
      int total,
      int skipped,
      int pending,
      int inFlight,
      int done,
      int failed,
      long bytesTotal,
      long bytesDone,
      List<String> notes) {}

  /** One anomaly. */
  record AnomalyView(String kind, List<Integer> brokers, String evidence, boolean actionable) {}

  /** One resource's balance now. */
  record BalanceView(
      String resource,
      double mean,
      double max,
      double maxOverMean,
      double relativeStddev,
      boolean idle) {}

  /** Everything the dashboard shows, in one document. */
  record StateView(
      long time,
      String mode,
      double band,
      long lastSampleTime,
      long lastEvaluationTime,
      double balanceScore,
      List<BalanceView> balance,
      List<BrokerView> brokers,
      List<AnomalyView> anomalies,
      PlanView plan,
      ExecutionView execution,
      List<DashboardState.BalancePoint> history,
      List<DashboardState.Event> events) {}

  static StateView state(BalancerService service, DashboardState dash, long now) {
    BalancerService.Snapshot snap = service.snapshot();
    PlannerOptions planner = service.settings().planner();
    List<BalanceView> balance = new ArrayList<>();
    double score = 1;
    if (snap.model() != null && snap.estimate() != null && snap.estimate().ready()) {
      List<ResourceBalance> all = ResourceBalance.calculate(snap.model(), planner);
      all.forEach(
          r ->
              balance.add(
                  new BalanceView(
                      r.resource().label(),
                      r.mean(),
                      r.max(),
                      r.maxOverMean(),
                      r.relativeStddev(),
                      r.idle())));
      score = ResourceBalance.worstMaxOverMean(all, planner);
    }
    return new StateView(
        now,
        service.settings().dryRun() ? "approval" : "automatic",
        planner.band(),
        dash.lastSampleMillis(),
        dash.lastEvaluationMillis(),
        score,
        balance,
        brokers(service, dash, now).brokers(),
        anomalies(snap.anomalies()),
        plan(service, dash),
        execution(service, dash),
        dash.history(),
        dash.events());
  }

  static BrokersView brokers(BalancerService service, DashboardState dash, long now) {
    BalancerService.Snapshot snap = service.snapshot();
    ClusterModel model = snap.model();
    if (model == null) {
      return new BrokersView(now, false, List.of());
    }
    boolean ready = snap.estimate() != null && snap.estimate().ready();
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    Map<Integer, List<ReplicaView>> replicas = new HashMap<>();
    for (Partition p : model.partitions()) {
      for (int r : p.replicas()) {
        List<ReplicaView> list = replicas.computeIfAbsent(r, k -> new ArrayList<>());
        if (list.size() < MAX_REPLICAS_LISTED) {
          list.add(new ReplicaView(p.name(), p.leader() == r));
        }
      }
    }
    Map<Integer, Double> canary = dash.canaryMs();
    Map<Integer, Double> p99 = dash.canaryP99Ms();
    List<BrokerView> out = new ArrayList<>();
    for (Broker b : model.brokers()) {
      LoadVector l = loads.get(b.id());
      out.add(
          new BrokerView(
              b.id(),
              b.rack(),
              b.state().label(),
              snap.estimate() != null && snap.estimate().staleBrokers().contains(b.id()),
              ready ? l.networkIn() : 0,
              ready ? l.networkOut() : 0,
              ready ? l.messages() : 0,
              (long) l.disk(),
              (int) l.replicas(),
              (int) l.leaders(),
              canary.get(b.id()),
              p99.get(b.id()),
              replicas.getOrDefault(b.id(), List.of())));
    }
    return new BrokersView(now, ready, out);
  }

  static PlanView plan(BalancerService service, DashboardState dash) {
    Optional<BalancerService.Proposal> proposal = service.proposal();
    DashboardState.PlanEvent event = dash.plan();
    if (proposal.isPresent()) {
      Plan p = proposal.get().plan();
      Long time = event != null && event.plan() == p ? event.time() : null;
      return plan(p, "awaiting-approval", proposal.get().id(), "waiting for approval", time);
    }
    if (event == null) {
      return new PlanView(
          "none", null, "no plan: nothing to do yet", null, 0, 0, 0, 1, 1, List.of(), List.of());
    }
    String status;
    if (event.executing()) {
      ExecutionProgress progress = dash.progress();
      status = progress != null && progress.phase().isFinal() ? "executed" : "executing";
    } else {
      status = event.note().startsWith("skipped") ? "skipped" : "proposed";
    }
    return plan(event.plan(), status, null, event.note(), event.time());
  }

  private static PlanView plan(Plan p, String status, Long id, String note, Long time) {
    PlanSummary s = p.summary();
    List<GoalView> goals = new ArrayList<>();
    for (GoalReport g : s.goals()) {
      if (g.weight() > 0) {
        goals.add(
            new GoalView(
                g.goal().label(), g.idle(), g.maxOverMeanBefore(), g.maxOverMeanAfter(), g.met()));
      }
    }
    List<ActionView> actions = new ArrayList<>();
    for (Action a : p.actions()) {
      actions.add(
          new ActionView(
              a.sequence(),
              a.kind().name().toLowerCase(Locale.ROOT),
              a.name(),
              a.oldReplicas(),
              a.newReplicas(),
              a.oldLeader(),
              a.newLeader(),
              a.bytesToMove(),
              a.reason().label(),
              a.detail()));
    }
    return new PlanView(
        status,
        id,
        note,
        time,
        s.replicaMoves(),
        s.leadershipTransfers(),
        s.bytesToMove(),
        s.worstMaxOverMeanBefore(),
        s.worstMaxOverMeanAfter(),
        goals,
        actions);
  }

  static ExecutionView execution(BalancerService service, DashboardState dash) {
    ExecutionProgress p = dash.progress();
    if (p == null) {
      p = service.snapshot().progress();
    }
    if (p == null) {
      return new ExecutionView("idle", false, 0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }
    return new ExecutionView(
        p.phase().label(),
        !p.phase().isFinal() && p.phase() != dev.ballast.kafka.exec.ExecutionPhase.IDLE,
        p.total(),
        p.skipped(),
        p.pending(),
        p.inFlight(),
        p.done(),
        p.failed(),
        p.bytesTotal(),
        p.bytesDone(),
        p.notes());
  }

  static List<AnomalyView> anomalies(List<Anomaly> anomalies) {
    return anomalies.stream()
        .map(a -> new AnomalyView(a.kind().label(), a.brokers(), a.evidence(), a.actionable()))
        .toList();
  }
}
