package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.LEADERS;
import static dev.ballast.core.plan.PlacementState.MSGS;
import static dev.ballast.core.plan.PlacementState.NW_OUT;
import static dev.ballast.core.plan.PlacementState.RESOURCES;

import java.util.Arrays;

/**
 * A lower bound on the bytes any plan must copy to reach the balance a plan reaches. For each
 * resource, let M be the larger of the band's upper edge and the most loaded receiving broker after
 * the plan: any plan that ends with every broker at or below M must take at least load - M off each
 * broker above it. The cheapest way to shed that, even allowing fractions of replicas, is a
 * fractional knapsack over the broker's replicas by bytes per unit of load (leadership of a
 * replicated partition sheds leader load for free). A broker's bound is its largest over resources
 * and topics, since every replica leaving it is counted once; brokers that must be emptied add all
 * their movable bytes. The sum over brokers is the bound. Load arriving on under-loaded brokers is
 * not counted, so the bound is low for pure scale-out.
 */
final class LowerBound {

  private LowerBound() {}

  /** Returns the bound, from the original placement in {@code st} and its loads before. */
  static long calculate(
      PlacementState st, Objective obj, double[][] loadBefore, int[] topicBefore) {
    double[] cap = new double[RESOURCES];
    for (int r = 0; r < RESOURCES; r++) {
      double max = 0;
      for (int b = 0; b < st.brokers; b++) {
        if (st.canReceive[b]) {
          max = Math.max(max, st.load[r][b]);
        }
      }
      cap[r] = Math.max(obj.hi[r], max);
      if (Goal.RESOURCES[r].counted()) {
        cap[r] = Math.floor(cap[r] + Objective.EPS);
      }
    }
    int[] topicCap = new int[st.topics];
    for (int t = 0; t < st.topics; t++) {
      int max = obj.topicHi[t];
      for (int b = 0; b < st.brokers; b++) {
        if (st.canReceive[b]) {
          max = Math.max(max, st.topicCount[t * st.brokers + b]);
        }
      }
      topicCap[t] = max;
    }
    int[][] held = originalSlots(st);
    double total = 0;
    for (int b = 0; b < st.brokers; b++) {
      total += brokerBound(st, obj, b, held[b], loadBefore, topicBefore, cap, topicCap);
    }
    return (long) Math.floor(total);
  }

  private static double brokerBound(
      PlacementState st,
      Objective obj,
      int b,
      int[] slots,
      double[][] loadBefore,
      int[] topicBefore,
      double[] cap,
      int[] topicCap) {
    if (!st.state[b].canReceive()) {
      // Any plan that takes as many replicas off b as this one copies at least its k smallest.
      long[] sizes = new long[slots.length];
      int left = 0;
      for (int i = 0; i < slots.length; i++) {
        sizes[i] = st.size[st.partitionOf(slots[i])];
        left += st.replica[slots[i]] != b ? 1 : 0;
      }
      Arrays.sort(sizes);
      double sum = 0;
      for (int i = 0; i < left; i++) {
        sum += sizes[i];
      }
      return sum;
    }
    double best = 0;
    for (int r = 0; r < RESOURCES; r++) {
      double need = loadBefore[r][b] - cap[r];
      if (obj.coef[r] > 0 && need > Objective.EPS) {
        best = Math.max(best, knapsack(st, r, b, slots, need));
      }
    }
    if (obj.topicCoef > 0) {
      best = Math.max(best, topicBound(st, b, slots, topicBefore, topicCap));
    }
    return best;
  }

  /** Returns the fewest bytes that shed {@code need} of resource r from b, fractions allowed. */
  private static double knapsack(PlacementState st, int r, int b, int[] slots, double need) {
    long[] order = new long[slots.length];
    double[] value = new double[slots.length];
    double[] cost = new double[slots.length];
    int k = 0;
    for (int slot : slots) {
      int p = st.partitionOf(slot);
      if (st.pinned[p]) {
        continue;
      }
      boolean isLeader = st.originalLeader[p] == b;
      double v = st.value(r, p, isLeader);
      if (v <= 0) {
        continue;
      }
      boolean free = isLeader && st.rf(p) > 1 && (r == NW_OUT || r == MSGS || r == LEADERS);
      value[k] = v;
      cost[k] = free ? 0 : st.size[p];
      order[k] = SortKeys.ascending(cost[k] / v, k);
      k++;
    }
    Arrays.sort(order, 0, k);
    double bytes = 0;
    for (int i = 0; i < k && need > Objective.EPS; i++) {
      int j = SortKeys.index(order[i]);
      double take = Math.min(1, need / value[j]);
      bytes += take * cost[j];
      need -= take * value[j];
    }
    // Float-rounded ordering may be very slightly off the exact optimum; stay below it.
    return bytes * (1 - 1e-6);
  }

  private static double topicBound(
      PlacementState st, int b, int[] slots, int[] topicBefore, int[] topicCap) {
    long[] order = new long[slots.length];
    int k = 0;
    for (int slot : slots) {
      int p = st.partitionOf(slot);
      int t = st.topicOf[p];
      if (!st.pinned[p] && topicBefore[t * st.brokers + b] > topicCap[t]) {
        order[k++] = ((long) t << 32) | (slot & 0xffffffffL);
      }
    }
    Arrays.sort(order, 0, k);
    double bytes = 0;
    int i = 0;
    while (i < k) {
      int t = (int) (order[i] >>> 32);
      int j = i;
      while (j < k && (int) (order[j] >>> 32) == t) {
        j++;
      }
      long[] sizes = new long[j - i];
      for (int x = i; x < j; x++) {
        sizes[x - i] = st.size[st.partitionOf((int) order[x])];
      }
      Arrays.sort(sizes);
      int excess = topicBefore[t * st.brokers + b] - topicCap[t];
      for (int x = 0; x < Math.min(excess, sizes.length); x++) {
        bytes += sizes[x];
      }
      i = j;
    }
    return bytes;
  }

  private static int[][] originalSlots(PlacementState st) {
    int[] count = new int[st.brokers];
    for (int b : st.original) {
      count[b]++;
    }
    int[][] held = new int[st.brokers][];
    for (int b = 0; b < st.brokers; b++) {
      held[b] = new int[count[b]];
      count[b] = 0;
    }
    for (int s = 0; s < st.original.length; s++) {
      int b = st.original[s];
      held[b][count[b]++] = s;
    }
    return held;
  }
}
