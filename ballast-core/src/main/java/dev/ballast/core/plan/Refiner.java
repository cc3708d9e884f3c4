package dev.ballast.core.plan;

import java.util.Arrays;

/**
 * The last phase of planning on small clusters: a large-neighbourhood search over the plan's own
 * moves. Each moved replica, largest first, is put back where it was, the balancer repairs what
 * that breaks with its cheapest steps, and the result is kept only if it copies fewer bytes without
 * raising the objective; otherwise every step of the trial is undone. It undoes what the greedy
 * search cannot: an early, expensive move whose work a few cheaper ones can do.
 */
final class Refiner {

  /** The largest cluster refined, in replicas: each trial re-runs the balancer. */
  static final int MAX_REPLICAS = 5_000;

  /** Trials allowed, in replica-trials: a trial costs about a balancer pass over the cluster. */
  private static final int WORK = 60_000;

  /** Trials allowed whatever the size. */
  private static final int MIN_TRIALS = 64;

  /** How many sweeps over the moved replicas, at most. */
  private static final int ROUNDS = 10;

  private final PlacementState st;
  private final Objective obj;
  private final Moves moves;
  private final Balancer balancer;
  private final MoveJournal journal = new MoveJournal();

  Refiner(PlacementState st, Objective obj, Moves moves, Balancer balancer) {
    this.st = st;
    this.obj = obj;
    this.moves = moves;
    this.balancer = balancer;
  }

  /** Runs the search; returns whether it changed the placement. */
  boolean run() {
    if (st.replica.length > MAX_REPLICAS) {
      return false;
    }
    boolean changed = false;
    int budget = Math.max(MIN_TRIALS, WORK / Math.max(1, st.replica.length));
    for (int round = 0; round < ROUNDS && budget > 0; round++) {
      boolean any = false;
      for (int slot : movedLargestFirst()) {
        if (budget-- <= 0) {
          break;
        }
        any |= trial(slot);
      }
      if (!any) {
        break;
      }
      changed = true;
    }
    return changed;
  }

  private int[] movedLargestFirst() {
    long[] order = new long[st.replica.length];
    int n = 0;
    for (int s = 0; s < st.replica.length; s++) {
      int p = st.partitionOf(s);
      if (!moves.heldOriginally(p, st.replica[s])) {
        order[n++] = SortKeys.descending(st.size[p], s);
      }
    }
    Arrays.sort(order, 0, n);
    int[] slots = new int[n];
    for (int i = 0; i < n; i++) {
      slots[i] = SortKeys.index(order[i]);
    }
    return slots;
  }

  private boolean trial(int slot) {
    int p = st.partitionOf(slot);
    if (moves.heldOriginally(p, st.replica[slot])) {
      return false;
    }
    int home = home(p);
    if (home < 0 || !moves.canMove(slot, home)) {
      return false;
    }
    Score before = score();
    long bytesBefore = moves.bytes();
    moves.record(journal);
    moves.move(slot, home, Reason.values()[moves.lastReason[p]], ActionKind.MOVE);
    // Tabu: the balancer must repair the gap some other way than moving the replica again.
    st.pinned[p] = true;
    balancer.run();
    st.pinned[p] = false;
    moves.record(null);
    int cmp = score().compareTo(before);
    if (cmp < 0 || (cmp == 0 && moves.bytes() < bytesBefore)) {
      journal.clear();
      return true;
    }
    moves.undo(journal, bytesBefore);
    return false;
  }

  /** Returns a broker that held {@code p} originally and holds none of it now, or -1. */
  private int home(int p) {
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (!st.holds(p, st.original[s])) {
        return st.original[s];
      }
    }
    return -1;
  }

  private Score score() {
    return new Score(obj.hard(), obj.soft(st.load, st.topicCount));
  }
}
