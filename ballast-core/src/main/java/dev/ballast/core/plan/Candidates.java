package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.DISK;
import static dev.ballast.core.plan.PlacementState.REPLICAS;
import static dev.ballast.core.plan.PlacementState.RESOURCES;

import java.util.Arrays;

/**
 * Where the balancer's candidates come from: each broker's replicas (and the partitions it leads or
 * follows) sorted by a goal's load per byte, and the receiving brokers sorted by load, per goal and
 * per rack. Lists are built lazily and kept for one pass; {@link #reset} starts a new pass.
 */
final class Candidates {

  private static final int GOALS = RESOURCES + 1;
  private static final int TOPIC = RESOURCES;

  private final PlacementState st;
  private final Objective obj;
  private final CandidateList[][] lists = new CandidateList[GOALS][];
  private final CandidateList[][] leaderLists = new CandidateList[GOALS][];
  private final CandidateList[][] followerLists = new CandidateList[GOALS][];

  Candidates(PlacementState st, Objective obj) {
    this.st = st;
    this.obj = obj;
    for (int g = 0; g < GOALS; g++) {
      lists[g] = new CandidateList[st.brokers];
      leaderLists[g] = new CandidateList[st.brokers];
      followerLists[g] = new CandidateList[st.brokers];
    }
  }

  /** Forgets every list and order: the next pass sorts afresh. */
  void reset() {
    for (int g = 0; g < GOALS; g++) {
      Arrays.fill(lists[g], null);
      Arrays.fill(leaderLists[g], null);
      Arrays.fill(followerLists[g], null);
      orders[g] = null;
    }
  }

  /** Counts one balancing step (orders go stale after {@code REORDER} of them). */
  void tick() {
    steps++;
  }

  /** Returns the partitions broker b leads (RF > 1), largest leader-only load in g first. */
  CandidateList leading(int g, int b) {
    return roleList(leaderLists, g, b, true);
  }

  /** Returns the partitions broker b follows (RF > 1), largest leader-only load in g first. */
  CandidateList following(int g, int b) {
    return roleList(followerLists, g, b, false);
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
  int[] order(int g) {
    if (orders[g] == null || steps - orderedAt[g] >= REORDER) {
      orders[g] = destinations(g, -1, st.brokers);
      rackOrders[g] = null;
      orderedAt[g] = steps;
    }
    return orders[g];
  }

  /** Returns {@link #order(int)} restricted to rack {@code rack}. */
  int[] rackOrder(int g, int rack) {
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
  int[] destinations(int g, int b, int n) {
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
   * Returns up to {@code n} receiving brokers other than {@code b}, most loaded in g first; with
   * racks, brokers on b's rack come first, since a partition that spans every rack can only move
   * within one.
   */
  int[] sources(int g, int b, int n) {
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
    int[] first = firstIndexes(same, ns, n);
    int[] rest = firstIndexes(other, no, n - first.length);
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
  int slotIn(long key, int b) {
    int p = SortKeys.index(key);
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (st.replica[s] == b) {
        return s;
      }
    }
    return st.off[p];
  }

  /** Returns broker b's replicas sorted by goal g's load per byte, best first (cached a pass). */
  CandidateList replicas(int g, int b) {
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
      // Load per byte; for disk that is 1 for everyone, so the largest replicas come first
      // (what a swap needs at the top, and the smallest, for the partner, at the bottom).
      double key = g == DISK ? st.size[p] : value / (st.size[p] + 1.0) * 1e12;
      list[i] = SortKeys.descending(key, p);
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
