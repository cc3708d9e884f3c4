package dev.ballast.core.plan;

import java.util.Arrays;

/**
 * The third phase of planning: takes bytes out of a balanced (or as balanced as it gets) placement.
 * The greedy search buys balance per byte one step at a time and never revisits a step, so a large
 * replica moved early to fix a gap that later, smaller moves also closed stays moved. For each
 * moved replica, largest first, this tries to put it back where it was, alone (when the objective
 * does not rise) or together with one cheaper replica moved instead (from the broker it returns
 * to, onto the broker it leaves or another), when the pair does not raise the objective and
 * copies fewer bytes.
 */
final class MoveTrimmer {

  /** How many replicas of the returning broker a compensation search looks at. */
  private static final int SCAN = 48;

  /** How many other destinations, besides the broker left, a compensating replica may take. */
  private static final int DESTINATIONS = 3;

  private final PlacementState st;
  private final Objective obj;
  private final Moves moves;

  MoveTrimmer(PlacementState st, Objective obj, Moves moves) {
    this.st = st;
    this.obj = obj;
    this.moves = moves;
  }

  /** Runs one trimming sweep; returns whether it changed anything. */
  boolean run() {
    long before = moves.applied();
    long[] order = new long[st.replica.length];
    int n = 0;
    for (int s = 0; s < st.replica.length; s++) {
      int p = st.partitionOf(s);
      if (st.replica[s] != st.original[s] && !moves.heldOriginally(p, st.replica[s])) {
        order[n++] = SortKeys.descending(st.size[p], s);
      }
    }
    Arrays.sort(order, 0, n);
    for (int i = 0; i < n; i++) {
      int slot = SortKeys.index(order[i]);
      int home = home(slot);
      if (home >= 0 && !moves.heldOriginally(st.partitionOf(slot), st.replica[slot])) {
        trim(slot, home);
      }
    }
    return moves.applied() != before;
  }

  /** Returns a broker that held the slot's partition originally and holds no replica of it now. */
  private int home(int slot) {
    int p = st.partitionOf(slot);
    if (!st.holds(p, st.original[slot])) {
      return st.original[slot];
    }
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (!st.holds(p, st.original[s])) {
        return st.original[s];
      }
    }
    return -1;
  }

  private void trim(int slot, int home) {
    if (!moves.canMove(slot, home)) {
      return;
    }
    int p = st.partitionOf(slot);
    int away = st.replica[slot];
    Reason reason = Reason.values()[moves.lastReason[p]];
    double back = obj.deltaMove(slot, home);
    if (back <= 0) {
      moves.move(slot, home, reason, ActionKind.MOVE);
      return;
    }
    // Try the return together with a cheaper replica leaving home instead.
    long saved = st.size[p];
    obj.moveReplica(slot, home);
    int bestQ = -1;
    int bestTo = -1;
    long bestNet = 0;
    int[] slots = st.slotsOf(home);
    int count = st.slotCount(home);
    int[] dests = destinations(away);
    for (int i = 0, scanned = 0; i < count && scanned < SCAN; i++) {
      int q = slots[i];
      int pq = st.partitionOf(q);
      if (pq == p || st.pinned[pq] || st.size[pq] >= saved) {
        continue;
      }
      scanned++;
      for (int to : dests) {
        long net = saved - Math.max(0, moves.cost(q, to));
        if (net > bestNet && moves.canMove(q, to) && back + obj.deltaMove(q, to) <= 0) {
          bestNet = net;
          bestQ = q;
          bestTo = to;
        }
      }
    }
    obj.moveReplica(slot, away);
    if (bestQ >= 0) {
      moves.move(slot, home, reason, ActionKind.MOVE);
      moves.move(bestQ, bestTo, reason, ActionKind.MOVE);
    }
  }

  /** Returns the broker left, then the least loaded receiving brokers by replica count. */
  private int[] destinations(int away) {
    int[] out = new int[1 + DESTINATIONS];
    out[0] = away;
    int k = 1;
    long[] keys = new long[st.brokers];
    int n = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (b != away && st.canReceive[b]) {
        keys[n++] = SortKeys.ascending(st.slotCount(b), b);
      }
    }
    Arrays.sort(keys, 0, n);
    for (int i = 0; i < n && k < out.length; i++) {
      out[k++] = SortKeys.index(keys[i]);
    }
    return Arrays.copyOf(out, k);
  }
}
