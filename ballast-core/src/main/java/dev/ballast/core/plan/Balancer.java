package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.LEADERS;
import static dev.ballast.core.plan.PlacementState.MSGS;
import static dev.ballast.core.plan.PlacementState.NW_OUT;
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
  private final int scan;
  private final int window;
  private final int destinations;
  private final int sources;
  private final int swapCandidates;
  private final boolean linearScore;

  private final PlacementState st;
  private final Objective obj;
  private final Moves moves;
  private final int maxPasses;
  private final boolean[][] exhausted = new boolean[GOALS][];
  private final Candidates candidates;
  private final Swaps swaps;
  private final double[][] weighted = new double[GOALS][];
  private int passes;
  private boolean converged;

  Balancer(PlacementState st, Objective obj, Moves moves, int maxPasses, SearchTuning tuning) {
    this.scan = tuning.scan();
    this.window = tuning.window();
    this.destinations = tuning.destinations();
    this.sources = tuning.sources();
    this.swapCandidates = tuning.swapCandidates();
    this.linearScore = tuning.linearScore();
    this.st = st;
    this.obj = obj;
    this.moves = moves;
    this.maxPasses = maxPasses;
    this.candidates = new Candidates(st, obj);
    this.swaps = new Swaps(st, obj, moves, candidates, tuning);
    for (int g = 0; g < GOALS; g++) {
      exhausted[g] = new boolean[st.brokers];
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
      candidates.reset();
      for (int g = 0; g < GOALS; g++) {
        Arrays.fill(exhausted[g], false);
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
        candidates.tick();
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
      if (leaderGoal(g) && (shedLeadership(g, b, reason) || swapLeadership(g, b, reason))) {
        return true;
      }
      return shedReplica(g, b, reason) || swaps.swapOut(g, b, reason);
    }
    if (g == TOPIC) {
      return false;
    }
    if (leaderGoal(g) && takeLeadership(g, b, reason)) {
      return true;
    }
    return pullReplica(g, b, reason) || swaps.swapIn(g, b, reason);
  }

  private static boolean leaderGoal(int g) {
    return g == NW_OUT || g == MSGS || g == LEADERS;
  }

  private boolean shedLeadership(int g, int b, Reason reason) {
    CandidateList list = candidates.leading(g, b);
    int bestP = -1;
    int bestTo = -1;
    double bestDelta = -Objective.EPS;
    int scanned = 0;
    for (int i = list.live(0); i < list.size() && scanned < scan; i = list.live(i + 1)) {
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

  /**
   * Exchanges leaderships between b and another broker: b hands a heavy partition to a follower d
   * and takes a light one d leads. Free, and it fixes what single transfers cannot when leader
   * counts must stay even (two brokers sharing RF=2 partitions).
   */
  private boolean swapLeadership(int g, int b, Reason reason) {
    CandidateList heavy = candidates.leading(g, b);
    int bestP = -1;
    int bestQ = -1;
    int bestD = -1;
    double bestDelta = -Objective.EPS;
    int taken = 0;
    for (int i = heavy.live(0); i < heavy.size() && taken < swapCandidates; i = heavy.live(i + 1)) {
      int p = SortKeys.index(heavy.key(i));
      if (st.leader[p] != b || st.pinned[p]) {
        heavy.remove(i);
        continue;
      }
      taken++;
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        int d = st.replica[s];
        if (!moves.canLead(p, s, d)) {
          continue;
        }
        CandidateList light = candidates.leading(g, d);
        double first = obj.deltaLeader(p, d);
        st.moveLeader(p, d);
        int end = Math.max(0, light.size() - 4 * swapCandidates);
        for (int j = light.size() - 1; j >= end; j--) {
          int q = SortKeys.index(light.key(j));
          int slot = candidates.slotIn(light.key(j), b);
          if (q == p || st.leader[q] != d || st.replica[slot] != b || !moves.canLead(q, slot, b)) {
            continue;
          }
          double total = first + obj.deltaLeader(q, b);
          if (total < bestDelta) {
            bestDelta = total;
            bestP = p;
            bestQ = q;
            bestD = d;
          }
        }
        st.moveLeader(p, b);
      }
    }
    if (bestP < 0) {
      return false;
    }
    moves.lead(bestP, bestD, reason);
    moves.lead(bestQ, b, reason);
    return true;
  }

  private boolean takeLeadership(int g, int b, Reason reason) {
    CandidateList list = candidates.following(g, b);
    int bestP = -1;
    double bestDelta = -Objective.EPS;
    int scanned = 0;
    for (int i = list.live(0); i < list.size() && scanned < scan; i = list.live(i + 1)) {
      int slot = candidates.slotIn(list.key(i), b);
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
    // The lightest partitions too: a broker just under its band needs a little, not the most.
    int end = Math.max(0, list.size() - 2 * scan);
    for (int i = list.size() - 1; i >= end; i--) {
      int slot = candidates.slotIn(list.key(i), b);
      int p = st.partitionOf(slot);
      if (st.replica[slot] == b
          && st.leader[p] >= 0
          && st.leader[p] != b
          && st.canReceive[st.leader[p]]
          && moves.canLead(p, slot, b)) {
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
    // Rank by the gap closed per byte (the linear part); the convex part only breaks ties.
    double lin = linearScore ? obj.deltaMoveLinear(slot, to) : d;
    double bytes = Math.max(0, moves.cost(slot, to)) + 1.0;
    double score = (lin < -Objective.EPS ? -lin : -d * 1e-6) / bytes;
    if (score > candScore) {
      candScore = score;
      candSlot = slot;
      candTo = to;
    }
    return true;
  }

  private boolean shedReplica(int g, int b, Reason reason) {
    CandidateList list = candidates.replicas(g, b);
    int[] order = candidates.order(g);
    resetCandidate();
    int scanned = 0;
    int improving = 0;
    for (int i = list.live(0);
        i < list.size() && scanned < scan && improving < window;
        i = list.live(i + 1)) {
      int slot = candidates.slotIn(list.key(i), b);
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
          Long.bitCount(racks) == 1
              ? candidates.rackOrder(g, Long.numberOfTrailingZeros(racks))
              : order;
      boolean improves = false;
      int tried = 0;
      for (int j = 0; j < dests.length && tried < destinations; j++) {
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
    int[] from = candidates.sources(g, b, sources);
    resetCandidate();
    int perSource = Math.max(4, scan / Math.max(1, from.length));
    for (int src : from) {
      CandidateList list = candidates.replicas(g, src);
      int scanned = 0;
      for (int i = list.live(0); i < list.size() && scanned < perSource; i = list.live(i + 1)) {
        int slot = candidates.slotIn(list.key(i), src);
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
}
