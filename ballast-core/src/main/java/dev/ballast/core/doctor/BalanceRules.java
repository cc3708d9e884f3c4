package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.fixed2;
import static dev.ballast.core.doctor.Texts.join;
import static dev.ballast.core.doctor.Texts.percent;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Reason;
import dev.ballast.core.plan.Units;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Imbalance (the planner's view) and LeaderSkew (partitions away from their preferred leader). */
final class BalanceRules {

  /**
   * What the leader-skew rule found.
   *
   * @param incidents the incident, if any
   * @param partitions the partitions a preferred leader election would move back
   */
  record SkewFinding(List<Incident> incidents, List<PartitionRef> partitions) {}

  /** Plan reasons that repair a broker's state rather than balance load. */
  private static final Set<Reason> REPAIRS =
      EnumSet.of(Reason.DEAD_BROKER, Reason.SLOW_BROKER, Reason.DRAIN);

  private BalanceRules() {}

  /**
   * Returns an Imbalance incident when the planner, run on the cluster as it is, finds the busiest
   * broker above the band of some soft goal and a plan that improves it. A plan that repairs hard
   * goals of broker state (dead, slow, draining) is left to those incidents: their repair skews the
   * figures, and the same step balances too.
   */
  static List<Incident> imbalance(Plan plan) {
    if (plan.isEmpty()
        || plan.summary().after().compareTo(plan.summary().before()) >= 0
        || plan.actions().stream().anyMatch(a -> REPAIRS.contains(a.reason()))) {
      return List.of();
    }
    double band = plan.summary().band();
    List<String> evidence = new ArrayList<>();
    List<String> goals = new ArrayList<>();
    double worst = 1;
    for (GoalReport g : plan.summary().goals()) {
      if (g.weight() <= 0
          || g.idle()
          || g.scoreBefore() <= 0
          || g.maxOverMeanBefore() <= 1 + band
          || g.goal() == Goal.TOPIC_SPREAD) {
        continue;
      }
      goals.add(g.goal().label());
      worst = Math.max(worst, g.maxOverMeanBefore());
      evidence.add(
          g.goal().label()
              + ": busiest broker at "
              + fixed2(g.maxOverMeanBefore())
              + "x the mean of "
              + Units.of(g.goal(), g.mean())
              + ", "
              + fixed2(g.maxOverMeanAfter())
              + "x after the plan");
    }
    if (goals.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Incident(
            "imbalance",
            IncidentKind.IMBALANCE,
            worst >= 1.5 ? Severity.MEDIUM : Severity.LOW,
            String.join(",", goals)
                + " outside the +-"
                + percent(band)
                + " band (worst max/mean "
                + fixed2(worst)
                + ")",
            evidence,
            "partitions and their leaders are placed unevenly, so some brokers carry more than"
                + " their share and reach their limits first",
            "Step 2 runs the planner's plan: "
                + plan.summary().replicaMoves()
                + " replica move(s), "
                + plan.summary().leadershipTransfers()
                + " leadership transfer(s), "
                + Units.bytes(plan.summary().bytesToMove())
                + " to copy on the cluster as it is."));
  }

  /**
   * Returns a LeaderSkew incident when some live broker leads too few of the partitions it is the
   * preferred leader of, while being in their ISR (so an election can give them back).
   */
  static SkewFinding leaderSkew(ClusterModel model, DoctorSettings settings) {
    int n = model.brokers().size();
    int[] preferred = new int[n];
    int[] away = new int[n];
    List<List<PartitionRef>> electable = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      electable.add(new ArrayList<>());
    }
    for (Partition p : model.partitions()) {
      int pref = p.replicas().get(0);
      int b = model.indexOf(pref);
      preferred[b]++;
      if (p.leader() >= 0 && p.leader() != pref) {
        away[b]++;
        if (p.isr().contains(pref)) {
          electable.get(b).add(new PartitionRef(p.topic(), p.partition()));
        }
      }
    }
    List<String> evidence = new ArrayList<>();
    List<Integer> skewed = new ArrayList<>();
    List<PartitionRef> partitions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Broker b = model.brokers().get(i);
      if (!b.state().canReceive() || preferred[i] == 0 || electable.get(i).isEmpty()) {
        continue;
      }
      double ratio = (double) away[i] / preferred[i];
      if (ratio > settings.leaderImbalanceRatio()) {
        skewed.add(b.id());
        partitions.addAll(electable.get(i));
        evidence.add(
            "broker "
                + b.id()
                + " is preferred leader of "
                + preferred[i]
                + " partition(s) and leads "
                + (preferred[i] - away[i])
                + " of them ("
                + percent(ratio)
                + " imbalance)");
      }
    }
    if (skewed.isEmpty()) {
      return new SkewFinding(List.of(), List.of());
    }
    partitions.sort(
        java.util.Comparator.comparing(PartitionRef::topic)
            .thenComparingInt(PartitionRef::partition));
    Incident incident =
        new Incident(
            "leader-skew",
            IncidentKind.LEADER_SKEW,
            Severity.LOW,
            partitions.size()
                + " partition(s) led away from their preferred leader on broker(s) "
                + join(skewed)
                + " (threshold "
                + percent(settings.leaderImbalanceRatio())
                + ")",
            evidence,
            "leadership moved when a broker restarted or fell behind and did not move back"
                + " (auto.leader.rebalance.enable may be off), so the remaining leaders carry the"
                + " produce and consume traffic",
            "Step 3: a preferred leader election on the "
                + partitions.size()
                + " partition(s) (kafka-leader-election.sh --election-type PREFERRED).");
    return new SkewFinding(List.of(incident), partitions);
  }
}
