package dev.ballast.core.plan;

import java.util.Arrays;

/**
 * The third phase of planning: takes bytes out of a balanced (or as balanced as it gets) placement.
 * The greedy search buys balance per byte one step at a time and never revisits a step, so a large
 * replica moved early to fix a gap that later, smaller moves also closed stays moved. For each
 * moved replica, largest first, this tries to put it back where it was, alone (when the objective
 * does not rise) or together with one cheaper replica moved instead (from the broker it returns to,
 * onto the broker it leaves or another), when the pair does not raise the objective and copies
 * fewer bytes.
 */
final class MoveTrimmer {

  /** How many replicas of the returning broker a compensation search looks at. */
  private static final int SCAN = 48;

  /** How many moved replicas per broker the pair search combines. */
  private static final int PAIR_SLOTS = 12;

  /** How many other destinations, besides the broker left, a compensating replica may take. */
  private static final int DESTINATIONS = 15;

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
    trimPairs(order, n);
    return moves.applied() != before;
  }

  /**
   * Returns pairs of replicas moved off the same broker home, together with one cheaper replica
   * moved off it instead: the greedy search often sheds two medium replicas where one that carries
   * more load per byte would do.
   */
  private void trimPairs(long[] order, int n) {
    int[][] byHome = new int[st.brokers][PAIR_SLOTS];
    int[] count = new int[st.brokers];
    for (int i = 0; i < n; i++) {
      int slot = SortKeys.index(order[i]);
      int home = st.original[slot];
      if (st.replica[slot] != home && count[home] < PAIR_SLOTS) {
        byHome[home][count[home]++] = slot;
      }
    }
    for (int home = 0; home < st.brokers; home++) {
      if (!st.canReceive[home]) {
        continue;
      }
      for (int i = 0; i < count[home]; i++) {
        for (int j = i + 1; j < count[home]; j++) {
          trimPair(byHome[home][i], byHome[home][j], home);
        }
      }
    }
  }

  private void trimPair(int a, int b, int home) {
    int pa = st.partitionOf(a);
    int pb = st.partitionOf(b);
    int awayA = st.replica[a];
    int awayB = st.replica[b];
    if (pa == pb
        || awayA == home
        || awayB == home
        || moves.heldOriginally(pa, awayA)
        || moves.heldOriginally(pb, awayB)
        || !moves.canMove(a, home)) {
      return;
    }
    double back = obj.deltaMove(a, home);
    obj.moveReplica(a, home);
    if (!moves.canMove(b, home)) {
      obj.moveReplica(a, awayA);
      return;
    }
    back += obj.deltaMove(b, home);
    obj.moveReplica(b, home);
    long saved = st.size[pa] + st.size[pb];
    Compensation c = compensate(home, pa, pb, saved, back, awayA, awayB);
    obj.moveReplica(b, awayB);
    obj.moveReplica(a, awayA);
    if (c != null) {
      Reason reason = Reason.values()[moves.lastReason[pa]];
      moves.move(a, home, reason, ActionKind.MOVE);
      moves.move(b, home, reason, ActionKind.MOVE);
      moves.move(c.slot(), c.to(), reason, ActionKind.MOVE);
    }
  }

  /** A replica to move instead, and where. */
  private record Compensation(int slot, int to) {}

  /**
   * Returns the replica of {@code home} (not of pa or pb) whose move, together with the returns
   * already applied (objective change {@code back}), does not raise the objective and copies the
   * fewest bytes below {@code saved}; or null.
   */
  private Compensation compensate(
      int home, int pa, int pb, long saved, double back, int awayA, int awayB) {
    int[] dests = destinations(awayA, awayB);
    int[] slots = st.slotsOf(home);
    int count = st.slotCount(home);
    Compensation best = null;
    long bestNet = 0;
    for (int i = 0, scanned = 0; i < count && scanned < SCAN; i++) {
      int q = slots[i];
      int pq = st.partitionOf(q);
      if (pq == pa || pq == pb || st.pinned[pq] || st.size[pq] >= saved) {
        continue;
      }
      scanned++;
      for (int to : dests) {
        long net = saved - Math.max(0, moves.cost(q, to));
        if (net > bestNet && moves.canMove(q, to) && back + obj.deltaMove(q, to) <= 0) {
          bestNet = net;
          best = new Compensation(q, to);
        }
      }
    }
    return best;
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
    obj.moveReplica(slot, home);
    Compensation c = compensate(home, p, p, st.size[p], back, away, away);
    obj.moveReplica(slot, away);
    if (c != null) {
      moves.move(slot, home, reason, ActionKind.MOVE);
      moves.move(c.slot(), c.to(), reason, ActionKind.MOVE);
    }
  }

  /** Returns the broker left, then the receiving brokers with the fewest replicas. */
  private int[] destinations(int away, int away2) {
    int[] out = new int[2 + DESTINATIONS];
    out[0] = away;
    int k = 1;
    if (away2 != away) {
      out[k++] = away2;
    }
    long[] keys = new long[st.brokers];
    int n = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (b != away && b != away2 && st.canReceive[b]) {
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
