package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.NW_IN;
import static dev.ballast.core.plan.PlacementState.NW_OUT;

import dev.ballast.core.model.BrokerState;
import java.util.Arrays;

/**
 * The first phase of planning: actions that hard goals demand whatever they cost. Slow brokers hand
 * their leadership over (or, for RF=1, their replicas), draining and dead brokers are emptied,
 * partitions short of racks are spread, and brokers above capacity shed load. Each action picks the
 * destination that is best for the soft objective.
 */
final class HardGoalRepair {

  private final PlacementState st;
  private final Objective obj;
  private final Moves moves;

  HardGoalRepair(PlacementState st, Objective obj, Moves moves) {
    this.st = st;
    this.obj = obj;
    this.moves = moves;
  }

  /** Runs every repair in a fixed order; returns whether anything changed. */
  boolean run() {
    long before = moves.applied();
    unloadSlowLeaders();
    emptyBrokers();
    spreadRacks();
    shedAboveCapacity();
    return moves.applied() != before;
  }

  private void unloadSlowLeaders() {
    for (int p = 0; p < st.partitions; p++) {
      int lead = st.leader[p];
      if (lead < 0 || st.state[lead] != BrokerState.SLOW || st.pinned[p]) {
        continue;
      }
      int best = -1;
      double bestDelta = Double.POSITIVE_INFINITY;
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        int to = st.replica[s];
        if (moves.canLead(p, s, to)) {
          double d = obj.deltaLeader(p, to);
          if (d < bestDelta - Objective.EPS) {
            bestDelta = d;
            best = to;
          }
        }
      }
      if (best >= 0) {
        moves.lead(p, best, Reason.SLOW_BROKER);
      } else {
        relocate(slotOf(p, lead), Reason.SLOW_BROKER);
      }
    }
  }

  private void emptyBrokers() {
    int total = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (st.state[b].mustBeEmptied()) {
        total += st.slotCount(b);
      }
    }
    long[] order = new long[total];
    int n = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (!st.state[b].mustBeEmptied()) {
        continue;
      }
      int[] slots = st.slotsOf(b);
      for (int i = 0; i < st.slotCount(b); i++) {
        int slot = slots[i];
        int p = st.partitionOf(slot);
        if (st.pinned[p] || (st.state[b] == BrokerState.DEAD && st.rf(p) == 1)) {
          continue;
        }
        // Largest first packs better; ties by slot keep the order deterministic.
        order[n++] = SortKeys.descending(st.size[p], slot);
      }
    }
    order = Arrays.copyOf(order, n);
    Arrays.sort(order);
    for (long key : order) {
      int slot = SortKeys.index(key);
      int from = st.replica[slot];
      relocate(slot, st.state[from] == BrokerState.DEAD ? Reason.DEAD_BROKER : Reason.DRAIN);
    }
  }

  private void spreadRacks() {
    if (!st.racked) {
      return;
    }
    for (int p = 0; p < st.partitions; p++) {
      if (st.pinned[p] || st.rackDeficit(p) == 0) {
        continue;
      }
      int bestSlot = -1;
      int bestTo = -1;
      double bestDelta = Double.POSITIVE_INFINITY;
      int spread = st.rackSpread(p, -1, -1);
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        for (int to = 0; to < st.brokers; to++) {
          if (moves.canMove(s, to) && st.rackSpread(p, s, to) > spread) {
            double d = obj.deltaMove(s, to);
            if (d < bestDelta - Objective.EPS) {
              bestDelta = d;
              bestSlot = s;
              bestTo = to;
            }
          }
        }
      }
      if (bestSlot >= 0) {
        moves.move(bestSlot, bestTo, Reason.RACK_SPREAD, ActionKind.MOVE);
      }
    }
  }

  private void shedAboveCapacity() {
    for (int b = 0; b < st.brokers; b++) {
      if (st.state[b].mustBeEmptied() || !overCapacity(b)) {
        continue;
      }
      int[] slots = st.slotsOf(b).clone();
      int count = st.slotCount(b);
      long[] order = new long[count];
      for (int i = 0; i < count; i++) {
        int p = st.partitionOf(slots[i]);
        double v = st.value(NW_IN, p, false) + st.leaderOnly(NW_OUT, p);
        order[i] = SortKeys.descending(v, slots[i]);
      }
      Arrays.sort(order);
      for (int i = 0; i < count && overCapacity(b); i++) {
        int slot = SortKeys.index(order[i]);
        int p = st.partitionOf(slot);
        if (st.replica[slot] != b || st.pinned[p] || SortKeys.value(order[i]) <= 0) {
          continue;
        }
        if (st.leader[p] == b && st.load[NW_OUT][b] > st.capOut[b] && leadElsewhere(p)) {
          continue;
        }
        relocate(slot, Reason.CAPACITY);
      }
    }
  }

  private boolean overCapacity(int b) {
    return st.load[NW_IN][b] > st.capIn[b] + Objective.EPS
        || st.load[NW_OUT][b] > st.capOut[b] + Objective.EPS;
  }

  private boolean leadElsewhere(int p) {
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (moves.canLead(p, s, st.replica[s])) {
        moves.lead(p, st.replica[s], Reason.CAPACITY);
        return true;
      }
    }
    return false;
  }

  /** Moves the replica in {@code slot} to the receiving broker best for the objective. */
  private void relocate(int slot, Reason reason) {
    int best = -1;
    double bestDelta = Double.POSITIVE_INFINITY;
    for (int to = 0; to < st.brokers; to++) {
      if (moves.canMove(slot, to)) {
        double d = obj.deltaMove(slot, to);
        if (d < bestDelta - Objective.EPS) {
          bestDelta = d;
          best = to;
        }
      }
    }
    if (best >= 0) {
      moves.move(slot, best, reason, ActionKind.MOVE);
    }
  }

  private int slotOf(int p, int b) {
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (st.replica[s] == b) {
        return s;
      }
    }
    throw new IllegalStateException("broker index " + b + " holds no replica of partition " + p);
  }
}
