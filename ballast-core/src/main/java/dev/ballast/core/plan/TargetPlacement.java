package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.RESOURCES;

import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.List;

/**
 * Moves a {@link PlacementState} to a placement computed elsewhere (the exact solver's): each
 * partition's replicas and leader as the target has them. Replicas the target keeps stay in their
 * slot; the others move to the target's new brokers in order. Each partition's reason is the hard
 * goal it serves, or else the soft goal most violated on the broker it leaves.
 */
final class TargetPlacement {

  private TargetPlacement() {}

  /** Applies {@code target}, which must list the same partitions as the state's model. */
  static void apply(PlacementState st, Objective obj, Moves moves, ClusterModel target) {
    List<Partition> wanted = target.partitions();
    if (wanted.size() != st.partitions) {
      throw new IllegalArgumentException(
          "the target has " + wanted.size() + " partitions, the cluster " + st.partitions);
    }
    Reason[] reasons = new Reason[st.partitions];
    for (int p = 0; p < st.partitions; p++) {
      reasons[p] = reason(st, obj, p);
    }
    for (int p = 0; p < st.partitions; p++) {
      Partition t = wanted.get(p);
      Partition now = st.model.partitions().get(p);
      if (!t.name().equals(now.name()) || t.replicas().size() != st.rf(p)) {
        throw new IllegalArgumentException(
            "the target's " + t.name() + " does not match the cluster's " + now.name());
      }
      int[] to = new int[t.replicas().size()];
      for (int k = 0; k < to.length; k++) {
        to[k] = st.model.indexOf(t.replicas().get(k));
        if (to[k] < 0) {
          throw new IllegalArgumentException(
              t.name() + " is placed on broker " + t.replicas().get(k) + ", not in the cluster");
        }
      }
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        if (!contains(to, st.replica[s])) {
          int dest = firstMissing(st, p, to);
          moves.move(s, dest, reasons[p], ActionKind.MOVE);
        }
      }
      int lead = t.leader() < 0 ? -1 : st.model.indexOf(t.leader());
      if (lead >= 0 && st.leader[p] != lead && st.holds(p, lead)) {
        moves.lead(p, lead, reasons[p]);
      }
    }
  }

  private static Reason reason(PlacementState st, Objective obj, int p) {
    int lead = st.leader[p];
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      BrokerState state = st.state[st.replica[s]];
      if (state == BrokerState.DRAINING) {
        return Reason.DRAIN;
      }
      if (state == BrokerState.DEAD) {
        return Reason.DEAD_BROKER;
      }
    }
    if (lead >= 0 && st.state[lead] == BrokerState.SLOW) {
      return Reason.SLOW_BROKER;
    }
    if (st.rackDeficit(p) > 0) {
      return Reason.RACK_SPREAD;
    }
    int from = lead >= 0 ? lead : st.replica[st.off[p]];
    int best = 0;
    double worst = -1;
    for (int g = 0; g <= RESOURCES; g++) {
      double w = obj.weighted(g, from);
      if (w > worst) {
        worst = w;
        best = g;
      }
    }
    return best == RESOURCES ? Reason.TOPIC_SPREAD : Reason.of(Goal.RESOURCES[best]);
  }

  private static int firstMissing(PlacementState st, int p, int[] to) {
    for (int b : to) {
      if (!st.holds(p, b)) {
        return b;
      }
    }
    throw new IllegalStateException("no broker left for a replica of partition " + p);
  }

  private static boolean contains(int[] xs, int x) {
    for (int v : xs) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }
}
