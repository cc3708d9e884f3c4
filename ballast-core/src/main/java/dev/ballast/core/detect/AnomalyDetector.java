package dev.ballast.core.detect;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the anomalies of a cluster model: dead, draining, new and slow brokers from broker states
 * and placement, imbalance from the planner's view (its before-figures per goal). Pure.
 */
public final class AnomalyDetector {

  private AnomalyDetector() {}

  /**
   * Returns the anomalies of {@code model}, given the plan the planner made for it and, for dead
   * brokers, how long ago each was first seen dead against {@code deadGraceNanos}.
   */
  public static List<Anomaly> detect(
      ClusterModel model,
      Plan plan,
      Map<Integer, Long> deadForNanos,
      long deadGraceNanos,
      Map<Integer, String> slowEvidence) {
    Map<Integer, Integer> replicas = new TreeMap<>();
    Map<Integer, Integer> leaders = new TreeMap<>();
    model.brokers().forEach(b -> replicas.put(b.id(), 0));
    model.brokers().forEach(b -> leaders.put(b.id(), 0));
    for (Partition p : model.partitions()) {
      p.replicas().forEach(r -> replicas.merge(r, 1, Integer::sum));
      if (p.leader() >= 0) {
        leaders.merge(p.leader(), 1, Integer::sum);
      }
    }
    boolean anyHeld = replicas.values().stream().anyMatch(n -> n > 0);
    List<Anomaly> out = new ArrayList<>();
    for (Broker b : model.brokers()) {
      int held = replicas.get(b.id());
      switch (b.state()) {
        case DEAD -> {
          if (held > 0) {
            long dead = deadForNanos.getOrDefault(b.id(), Long.MAX_VALUE);
            boolean due = dead >= deadGraceNanos;
            out.add(
                new Anomaly(
                    AnomalyKind.DEAD_BROKER,
                    List.of(b.id()),
                    String.format(
                        Locale.ROOT,
                        "broker %d is dead and holds %d replica(s)%s",
                        b.id(),
                        held,
                        due
                            ? ""
                            : String.format(
                                Locale.ROOT,
                                "; waiting %.0f s more before self-healing",
                                (deadGraceNanos - dead) / 1e9)),
                    due));
          }
        }
        case DRAINING -> {
          if (held > 0) {
            out.add(
                new Anomaly(
                    AnomalyKind.DRAINING_BROKER,
                    List.of(b.id()),
                    "broker "
                        + b.id()
                        + " is being drained and still holds "
                        + held
                        + " replica(s)",
                    true));
          }
        }
        case SLOW -> {
          if (leaders.get(b.id()) > 0) {
            out.add(
                new Anomaly(
                    AnomalyKind.SLOW_BROKER,
                    List.of(b.id()),
                    slowEvidence.getOrDefault(b.id(), "broker " + b.id() + " is slow")
                        + "; it leads "
                        + leaders.get(b.id())
                        + " partition(s)",
                    true));
          }
        }
        case ALIVE, NEW -> {
          if (held == 0 && anyHeld) {
            out.add(
                new Anomaly(
                    AnomalyKind.NEW_BROKER,
                    List.of(b.id()),
                    "broker " + b.id() + " holds no replicas while its peers do",
                    true));
          }
        }
        default -> {}
      }
    }
    if (plan != null) {
      for (GoalReport g : plan.summary().goals()) {
        if (g.weight() > 0
            && !g.idle()
            && g.goal() != Goal.TOPIC_SPREAD
            && g.maxOverMeanBefore() > 1 + plan.summary().band() + 1e-9) {
          out.add(
              new Anomaly(
                  AnomalyKind.IMBALANCE,
                  List.of(),
                  String.format(
                      Locale.ROOT,
                      "%s: the busiest broker carries %.2fx the mean (band +-%.0f%%)",
                      g.goal().label(),
                      g.maxOverMeanBefore(),
                      plan.summary().band() * 100),
                  true));
        }
      }
    }
    return out;
  }

  /** Returns whether any anomaly in {@code anomalies} calls for action now. */
  public static boolean actionable(List<Anomaly> anomalies) {
    return anomalies.stream().anyMatch(Anomaly::actionable);
  }

  /** Returns the broker states a dead broker in its grace period should have while planning. */
  public static Map<Integer, BrokerState> graceStates(List<Anomaly> anomalies) {
    Map<Integer, BrokerState> states = new TreeMap<>();
    anomalies.stream()
        .filter(a -> a.kind() == AnomalyKind.DEAD_BROKER && !a.actionable())
        .forEach(a -> a.brokers().forEach(b -> states.put(b, BrokerState.EXCLUDED)));
    return states;
  }
}
