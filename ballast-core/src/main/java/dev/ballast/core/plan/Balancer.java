package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.LEADERS;
import static dev.ballast.core.plan.PlacementState.MSGS;
import static dev.ballast.core.plan.PlacementState.NW_OUT;
import static dev.ballast.core.plan.PlacementState.REPLICAS;
import static dev.ballast.core.plan.PlacementState.RESOURCES;

import java.util.Arrays;

/**
 * The second phase of planning: greedy balancing. It repeatedly takes the broker and goal with the
 * largest weighted violation and applies the action that buys the most objective per byte among a
 * bounded set of candidates: leadership transfers first (free), then replica moves, then swaps. An
 * action is applied only if it lowers the objective. Candidates come from per-broker lists sorted
 * by the goal's load per byte, so a step costs O(candidates x destinations), not O(replicas). When
 * no violated broker can improve, a new pass starts from fresh lists; planning ends when a whole
 * pass changes nothing (or after {@code maxPasses}).
 */
final class Balancer {

  private static final int GOALS = RESOURCES + 1;
  private static final int TOPIC = RESOURCES;
  private static final int SCAN = 32;
  private static final int WINDOW = 4;
  private static final int DESTINATIONS = 4;
  private static final int SOURCES = 6;
  private static final int SWAP_CANDIDATES = 10;
  private static final int SWAP_PARTNERS = 4;

  private final PlacementState st;
  private final Objective obj;
  private final Moves moves;
  private final int maxPasses;
  private final boolean[][] exhausted = new boolean[GOALS][];
  private final CandidateList[][] lists = new CandidateList[GOALS][];
  private final CandidateList[][] leaderLists = new CandidateList[GOALS][];
  private final CandidateList[][] followerLists = new CandidateList[GOALS][];
  private final double[][] weighted = new double[GOALS][];
  private int passes;
  private boolean converged;

  Balancer(PlacementState st, Objective obj, Moves moves, int maxPasses) {
    this.st = st;
    this.obj = obj;
    this.moves = moves;
    this.maxPasses = maxPasses;
    for (int g = 0; g < GOALS; g++) {
      exhausted[g] = new boolean[st.brokers];
      lists[g] = new CandidateList[st.brokers];
      leaderLists[g] = new CandidateList[st.brokers];
      followerLists[g] = new CandidateList[st.brokers];
      weighted[g] = new double[st.brokers];
    }
  }

  /** Returns how many passes ran. */
  int passes() {
    return passes;
  }

  /** Returns whether the last pass found nothing to improve (so re-planning proposes nothing). */
  boolean converged() {
    return converged;
  }

  /** Balances until no candidate improves the objective. */
  void run() {
    converged = false;
    for (int pass = 0; pass < maxPasses; pass++) {
      passes++;
      for (int g = 0; g < GOALS; g++) {
        orders[g] = null;
        Arrays.fill(exhausted[g], false);
        Arrays.fill(lists[g], null);
        Arrays.fill(leaderLists[g], null);
        Arrays.fill(followerLists[g], null);
      }
      long before = moves.applied();
      for (int b = 0; b < st.brokers; b++) {
        refresh(b);
      }
      while (true) {
        int gb = worst();
        if (gb < 0) {
          break;
        }
        int g = gb / st.brokers;
        int b = gb % st.brokers;
        steps++;
        if (step(g, b)) {
          for (int i = 0; i < moves.touchedCount(); i++) {
            refresh(moves.touched()[i]);
          }
        } else {
          exhausted[g][b] = true;
        }
      }
      if (moves.applied() == before) {
        converged = true;
        return;
      }
    }
  }

  private void refresh(int b) {
    for (int g = 0; g < GOALS; g++) {
      weighted[g][b] = obj.weighted(g, b);
    }
  }

  /** Returns {@code goal * brokers + broker} of the largest weighted violation, or -1. */
  private int worst() {
    int best = -1;
    double bestValue = Objective.EPS;
    for (int g = 0; g < GOALS; g++) {
      double[] w = weighted[g];
      boolean[] done = exhausted[g];
      for (int b = 0; b < st.brokers; b++) {
        if (w[b] > bestValue && !done[b]) {
          bestValue = w[b];
          best = g * st.brokers + b;
        }
      }
    }
    return best;
  }

  private boolean step(int g, int b) {
    boolean over = g == TOPIC ? obj.topicOver[b] > 0 : st.load[g][b] > obj.hi[g] + Objective.EPS;
    Reason reason = Reason.of(g == TOPIC ? Goal.TOPIC_SPREAD : Goal.RESOURCES[g]);
    if (over) {
      if (leaderGoal(g) && shedLeadership(g, b, reason)) {
        return true;
      }
      return shedReplica(g, b, reason) || swap(g, b, reason);
    }
    if (g == TOPIC) {
      return false;
    }
    if (leaderGoal(g) && takeLeadership(g, b, reason)) {
      return true;
    }
    return pullReplica(g, b, reason);
  }

  private static boolean leaderGoal(int g) {
    return g == NW_OUT || g == MSGS || g == LEADERS;
  }

  private boolean shedLeadership(int g, int b, Reason reason) {
    CandidateList list = roleList(leaderLists, g, b, true);
    int bestP = -1;
    int bestTo = -1;
    double bestDelta = -Objective.EPS;
    int scanned = 0;
    for (int i = list.live(0); i < list.size() && scanned < SCAN; i = list.live(i + 1)) {
      int p = SortKeys.index(list.key(i));
      if (st.leader[p] != b || st.pinned[p]) {
        list.remove(i);
        continue;
      }
      scanned++;
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        int to = st.replica[s];
        if (moves.canLead(p, s, to)) {
          double d = obj.deltaLeader(p, to);
          if (d < bestDelta) {
            bestDelta = d;
            bestP = p;
            bestTo = to;
          }
        }
      }
    }
    if (bestP < 0) {
      return false;
    }
    moves.lead(bestP, bestTo, reason);
    return true;
  }

  private boolean takeLeadership(int g, int b, Reason reason) {
    CandidateList list = roleList(followerLists, g, b, false);
    int bestP = -1;
    double bestDelta = -Objective.EPS;
    int scanned = 0;
    for (int i = list.live(0); i < list.size() && scanned < SCAN; i = list.live(i + 1)) {
      int slot = slotIn(list.key(i), b);
      int p = st.partitionOf(slot);
      // Only between receiving brokers: taking leadership off an excluded broker, or electing a
      // leader for an offline partition, would change the load the targets were set from.
      if (st.replica[slot] != b
          || st.leader[p] < 0
          || st.leader[p] == b
          || !st.canReceive[st.leader[p]]) {
        list.remove(i);
        continue;
      }
      scanned++;
      if (moves.canLead(p, slot, b)) {
        double d = obj.deltaLeader(p, b);
        if (d < bestDelta) {
          bestDelta = d;
          bestP = p;
        }
      }
    }
    if (bestP < 0) {
      return false;
    }
    moves.lead(bestP, b, reason);
    return true;
  }

  /** The best move found so far: slot, destination, and objective per byte. */
  private int candSlot;

  private int candTo;
  private double candScore;

  private void resetCandidate() {
    candSlot = -1;
    candTo = -1;
    candScore = 0;
  }

  /** Considers moving {@code slot} to {@code to}; returns whether that lowers the objective. */
  private boolean consider(int slot, int to) {
    double d = obj.deltaMove(slot, to);
    if (d >= -Objective.EPS) {
      return false;
    }
    double score = -d / (Math.max(0, moves.cost(slot, to)) + 1.0);
    if (score > candScore) {
      candScore = score;
      candSlot = slot;
      candTo = to;
    }
    return true;
  }

  private boolean shedReplica(int g, int b, Reason reason) {
    CandidateList list = replicaList(g, b);
    int[] order = order(g);
    resetCandidate();
    int scanned = 0;
    int improving = 0;
    for (int i = list.live(0);
        i < list.size() && scanned < SCAN && improving < WINDOW;
        i = list.live(i + 1)) {
      int slot = slotIn(list.key(i), b);
      int p = st.partitionOf(slot);
      int t = st.topicOf[p];
      if (st.replica[slot] != b
          || st.pinned[p]
          || (g == TOPIC && st.topicCount[t * st.brokers + b] <= obj.topicHi[t])) {
        // Gone, pinned or no longer over: none of these comes back while b sheds in this pass.
        list.remove(i);
        continue;
      }
      scanned++;
      moves.prepare(slot);
      long racks = moves.allowedRacks();
      int[] dests =
          Long.bitCount(racks) == 1 ? rackOrder(g, Long.numberOfTrailingZeros(racks)) : order;
      boolean improves = false;
      int tried = 0;
      for (int j = 0; j < dests.length && tried < DESTINATIONS; j++) {
        int d = dests[j];
        if (d == b) {
          continue;
        }
        if (g == TOPIC && st.topicCount[t * st.brokers + d] >= obj.topicHi[t]) {
          continue;
        }
        if (moves.canMoveTo(d)) {
          tried++;
          improves |= consider(slot, d);
        }
      }
      improving += improves ? 1 : 0;
    }
    return applyCandidate(reason);
  }

  private boolean pullReplica(int g, int b, Reason reason) {
    int[] sources = sources(g, b);
    resetCandidate();
    int perSource = Math.max(4, SCAN / Math.max(1, sources.length));
    for (int src : sources) {
      CandidateList list = replicaList(g, src);
      int scanned = 0;
      for (int i = list.live(0); i < list.size() && scanned < perSource; i = list.live(i + 1)) {
        int slot = slotIn(list.key(i), src);
        if (st.replica[slot] != src || st.pinned[st.partitionOf(slot)]) {
          list.remove(i);
          continue;
        }
        scanned++;
        moves.prepare(slot);
        if (moves.canMoveTo(b)) {
          consider(slot, b);
        }
      }
    }
    return applyCandidate(reason);
  }

  private boolean applyCandidate(Reason reason) {
    if (candSlot < 0) {
      return false;
    }
    moves.move(candSlot, candTo, reason, ActionKind.MOVE);
    return true;
  }

  private boolean swap(int g, int b, Reason reason) {
    if (g == TOPIC) {
      return false;
    }
    CandidateList mine = replicaList(g, b);
    int[] partners = destinations(g, b, SWAP_PARTNERS);
    int bestA = -1;
    int bestB = -1;
    double bestScore = 0;
    int taken = 0;
    for (int i = mine.live(0); i < mine.size() && taken < SWAP_CANDIDATES; i = mine.live(i + 1)) {
      int a = slotIn(mine.key(i), b);
      if (st.replica[a] != b || st.pinned[st.partitionOf(a)]) {
        mine.remove(i);
        continue;
      }
      taken++;
      for (int other : partners) {
        CandidateList theirs = replicaList(g, other);
        int seen = 0;
        int end = Math.max(0, theirs.size() - 4 * SWAP_CANDIDATES);
        for (int j = theirs.size() - 1; j >= end && seen < SWAP_CANDIDATES; j--) {
          int c = slotIn(theirs.key(j), other);
          if (st.replica[c] != other) {
            continue;
          }
          seen++;
          if (!moves.canSwap(a, c)) {
            continue;
          }
          double d = obj.deltaSwap(a, c);
          if (d >= -Objective.EPS) {
            continue;
          }
          long cost = Math.max(0, moves.cost(a, other)) + Math.max(0, moves.cost(c, b));
          double score = -d / (cost + 1.0);
          if (score > bestScore) {
            bestScore = score;
            bestA = a;
            bestB = c;
          }
        }
      }
    }
    if (bestA < 0) {
      return false;
    }
    moves.swap(bestA, bestB, reason);
    return true;
  }

  private static final int REORDER = 16;
  private long steps;
  private final int[][] orders = new int[GOALS][];
  private final int[][][] rackOrders = new int[GOALS][][];
  private final long[] orderedAt = new long[GOALS];

  /**
   * Returns the receiving brokers, least loaded in g first. Sorting every step would cost more than
   * the step, so the order is refreshed every {@code REORDER} steps; a stale order only changes
   * which destinations are evaluated first (every evaluation is exact).
   */
  private int[] order(int g) {
    if (orders[g] == null || steps - orderedAt[g] >= REORDER) {
      orders[g] = destinations(g, -1, st.brokers);
      rackOrders[g] = null;
      orderedAt[g] = steps;
    }
    return orders[g];
  }

  /** Returns {@link #order(int)} restricted to rack {@code rack}. */
  private int[] rackOrder(int g, int rack) {
    int[] all = order(g);
    if (rackOrders[g] == null) {
      int racks = 0;
      for (int r : st.rackOf) {
        racks = Math.max(racks, r + 1);
      }
      int[] count = new int[racks];
      for (int d : all) {
        count[st.rackOf[d]]++;
      }
      int[][] byRack = new int[racks][];
      for (int r = 0; r < racks; r++) {
        byRack[r] = new int[count[r]];
        count[r] = 0;
      }
      for (int d : all) {
        byRack[st.rackOf[d]][count[st.rackOf[d]]++] = d;
      }
      rackOrders[g] = byRack;
    }
    return rack < rackOrders[g].length ? rackOrders[g][rack] : new int[0];
  }

  /** Returns up to {@code n} receiving brokers other than {@code b}, least loaded in g first. */
  private int[] destinations(int g, int b, int n) {
    int r = g == TOPIC ? REPLICAS : g;
    long[] keys = new long[st.brokers];
    int k = 0;
    for (int d = 0; d < st.brokers; d++) {
      if (d != b && st.canReceive[d]) {
        keys[k++] = SortKeys.ascending(st.load[r][d] / Math.max(obj.mean[r], 1e-300), d);
      }
    }
    return firstIndexes(keys, k, n);
  }

  /**
   * Returns up to {@code SOURCES} receiving brokers other than {@code b}, most loaded in g first;
   * with racks, brokers on b's rack come first, since a partition that spans every rack can only
   * move within one.
   */
  private int[] sources(int g, int b) {
    long[] same = new long[st.brokers];
    long[] other = new long[st.brokers];
    int ns = 0;
    int no = 0;
    for (int s = 0; s < st.brokers; s++) {
      if (s != b && st.canReceive[s]) {
        long key = SortKeys.descending(st.load[g][s] / Math.max(obj.mean[g], 1e-300), s);
        if (st.racked && st.rackOf[s] == st.rackOf[b]) {
          same[ns++] = key;
        } else {
          other[no++] = key;
        }
      }
    }
    int[] first = firstIndexes(same, ns, SOURCES);
    int[] rest = firstIndexes(other, no, SOURCES - first.length);
    int[] out = Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, out, first.length, rest.length);
    return out;
  }

  private static int[] firstIndexes(long[] keys, int k, int n) {
    Arrays.sort(keys, 0, k);
    int[] out = new int[Math.min(n, k)];
    for (int i = 0; i < out.length; i++) {
      out[i] = SortKeys.index(keys[i]);
    }
    return out;
  }

  /**
   * Returns the slot of the partition in {@code key} on broker b, or another of its slots when b no
   * longer holds it (callers check {@code replica[slot] == b}). Lists hold partitions, not slots,
   * so that ties break the same way whatever the order of a partition's replica list; re-planning a
   * plan's result then searches exactly as the plan's last pass did.
   */
  private int slotIn(long key, int b) {
    int p = SortKeys.index(key);
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (st.replica[s] == b) {
        return s;
      }
    }
    return st.off[p];
  }

  /** Returns broker b's replicas sorted by goal g's load per byte, best first (cached a pass). */
  private CandidateList replicaList(int g, int b) {
    if (lists[g][b] != null) {
      return lists[g][b];
    }
    int[] slots = st.slotsOf(b);
    int count = st.slotCount(b);
    long[] list = new long[count];
    for (int i = 0; i < count; i++) {
      int slot = slots[i];
      int p = st.partitionOf(slot);
      double value = g == TOPIC ? 1 : st.value(g, p, st.leader[p] == b);
      list[i] = SortKeys.descending(value / (st.size[p] + 1.0) * 1e12, p);
    }
    Arrays.sort(list);
    lists[g][b] = new CandidateList(list);
    return lists[g][b];
  }

  /**
   * Returns the slots of broker b whose partition (RF > 1) it leads ({@code leading}) or follows,
   * largest leader-only load in g first; cached for the pass.
   */
  private CandidateList roleList(CandidateList[][] cache, int g, int b, boolean leading) {
    if (cache[g][b] != null) {
      return cache[g][b];
    }
    int[] slots = st.slotsOf(b);
    int count = st.slotCount(b);
    long[] list = new long[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      int p = st.partitionOf(slots[i]);
      if (st.rf(p) > 1 && !st.pinned[p] && (st.leader[p] == b) == leading) {
        list[k++] = SortKeys.descending(st.leaderOnly(g, p) / Math.max(obj.mean[g], 1e-300), p);
      }
    }
    list = Arrays.copyOf(list, k);
    Arrays.sort(list);
    cache[g][b] = new CandidateList(list);
    return cache[g][b];
  }
}
