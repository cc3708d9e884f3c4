package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.NW_IN;
import static dev.ballast.core.plan.PlacementState.NW_OUT;

import java.util.Arrays;

/**
 * Checks, prices and applies actions on a {@link PlacementState}, and remembers, per partition,
 * when it was first touched and why it was last touched.
 */
final class Moves {

  final PlacementState st;
  final Objective obj;
  final int[] firstTouch;
  final byte[] lastReason;
  final byte[] lastKind;
  final int[] swapPartner;
  private int sequence;
  private long applied;
  private long bytes;
  private MoveJournal journal;
  private final int[] touched = new int[4];
  private int touchedCount;

  Moves(PlacementState st, Objective obj) {
    this.st = st;
    this.obj = obj;
    firstTouch = new int[st.partitions];
    Arrays.fill(firstTouch, -1);
    lastReason = new byte[st.partitions];
    lastKind = new byte[st.partitions];
    swapPartner = new int[st.partitions];
    Arrays.fill(swapPartner, -1);
    for (int r : st.rackOf) {
      maxRack = Math.max(maxRack, r);
    }
  }

  /** Returns the number of actions applied so far (including later undone ones). */
  long applied() {
    return applied;
  }

  /** Returns the bytes the placement now copies compared with the original one. */
  long bytes() {
    return bytes;
  }

  /** Starts recording actions into {@code j} (null stops recording). */
  void record(MoveJournal j) {
    journal = j;
  }

  private int ctxSlot = -1;
  private int ctxPartition;
  private int ctxFrom;
  private boolean ctxMayLeave;
  private long ctxOtherRacks;
  private int ctxOtherSpread;
  private int ctxMinSpread;
  private double ctxIn;
  private double ctxOut;

  /**
   * Prepares {@link #canMoveTo} for the replica in {@code slot}: a candidate is checked against
   * many destinations, so its rack set is computed once (as a bit mask when there are at most 64
   * racks).
   */
  void prepare(int slot) {
    int p = st.partitionOf(slot);
    ctxSlot = slot;
    ctxPartition = p;
    ctxFrom = st.replica[slot];
    ctxMayLeave = mayLeave(slot);
    boolean isLeader = st.leader[p] == ctxFrom;
    ctxIn = st.value(NW_IN, p, isLeader);
    ctxOut = st.value(NW_OUT, p, isLeader);
    if (st.racked && fewRacks()) {
      long mask = 0;
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        if (s != slot) {
          mask |= 1L << st.rackOf[st.replica[s]];
        }
      }
      ctxOtherRacks = mask;
      ctxOtherSpread = Long.bitCount(mask);
      int before = Long.bitCount(mask | (1L << st.rackOf[ctxFrom]));
      ctxMinSpread = Math.min(before, Math.min(st.rf(p), st.liveRacks));
    }
  }

  private boolean fewRacks() {
    return maxRack < 64;
  }

  private int maxRack = -1;

  /**
   * Returns the racks the prepared replica may move to as a bit mask, or -1 for any rack (no racks,
   * more than 64 racks, or the spread allows every rack).
   */
  long allowedRacks() {
    if (!st.racked || !fewRacks() || ctxOtherSpread >= ctxMinSpread) {
      return -1;
    }
    return ~ctxOtherRacks;
  }

  /** Returns whether the prepared replica may move to {@code to}; see {@link #canMove}. */
  boolean canMoveTo(int to) {
    int p = ctxPartition;
    if (ctxFrom == to || !st.canReceive[to] || st.pinned[p] || !ctxMayLeave) {
      return false;
    }
    if (st.racked) {
      // The cheap rack test first: most destinations fail it when a partition spans every rack.
      if (fewRacks()) {
        int after = ctxOtherSpread + (((ctxOtherRacks >>> st.rackOf[to]) & 1L) == 0 ? 1 : 0);
        if (after < ctxMinSpread || st.holds(p, to)) {
          return false;
        }
      } else if (st.holds(p, to) || !racksOk(p, ctxSlot, to)) {
        return false;
      }
    } else if (st.holds(p, to)) {
      return false;
    }
    return obj.fits(to, ctxIn, ctxOut);
  }

  /**
   * Returns whether the replica in {@code slot} may move to broker {@code to}: the partition is not
   * pinned, {@code to} receives and does not hold it already, racks do not get worse than required,
   * and capacity holds.
   */
  boolean canMove(int slot, int to) {
    int p = st.partitionOf(slot);
    int from = st.replica[slot];
    if (st.pinned[p] || from == to || !st.canReceive[to] || st.holds(p, to) || !mayLeave(slot)) {
      return false;
    }
    if (!racksOk(p, slot, to)) {
      return false;
    }
    boolean isLeader = st.leader[p] == from;
    return obj.fits(to, st.value(NW_IN, p, isLeader), st.value(NW_OUT, p, isLeader));
  }

  /**
   * Returns whether the replica in {@code slot} may leave its broker: never an excluded broker's
   * (nothing moves off it), and a slow broker's only while it leads (slow brokers keep their
   * followers). Moving any other replica off a broker that receives nothing would add load to the
   * receiving brokers that their targets do not count, so the result would not be balanced.
   */
  private boolean mayLeave(int slot) {
    int from = st.replica[slot];
    return switch (st.state[from]) {
      case EXCLUDED -> false;
      case SLOW -> st.leader[st.partitionOf(slot)] == from;
      default -> true;
    };
  }

  private boolean racksOk(int p, int slot, int to) {
    if (!st.racked) {
      return true;
    }
    int before = st.rackSpread(p, -1, -1);
    int after = st.rackSpread(p, slot, to);
    int required = Math.min(st.rf(p), st.liveRacks);
    return after >= Math.min(before, required);
  }

  /** Returns whether broker {@code to}, holding replica {@code slot} of {@code p}, may lead it. */
  boolean canLead(int p, int slot, int to) {
    return !st.pinned[p]
        && st.replica[slot] == to
        && st.leader[p] != to
        && st.canReceive[to]
        && st.inSync[slot]
        && obj.fits(to, 0, st.leaderOnly(NW_OUT, p));
  }

  /** Returns whether replicas in slots {@code a} and {@code b} may swap brokers. */
  boolean canSwap(int a, int b) {
    int p = st.partitionOf(a);
    int q = st.partitionOf(b);
    int ba = st.replica[a];
    int bb = st.replica[b];
    if (p == q || ba == bb || st.pinned[p] || st.pinned[q]) {
      return false;
    }
    if (!st.canReceive[ba] || !st.canReceive[bb] || st.holds(p, bb) || st.holds(q, ba)) {
      return false;
    }
    if (!racksOk(p, a, bb) || !racksOk(q, b, ba)) {
      return false;
    }
    boolean la = st.leader[p] == ba;
    boolean lb = st.leader[q] == bb;
    double in = st.value(NW_IN, p, la) - st.value(NW_IN, q, lb);
    double out = st.value(NW_OUT, p, la) - st.value(NW_OUT, q, lb);
    return obj.fits(bb, in, out) && obj.fits(ba, -in, -out);
  }

  /**
   * Returns the bytes this move adds to the plan: the partition's size when {@code to} did not hold
   * it originally, minus its size when the replica leaves a broker that did not hold it either (a
   * re-targeted or undone move).
   */
  long cost(int slot, int to) {
    int p = st.partitionOf(slot);
    int from = st.replica[slot];
    return st.size[p] * ((heldOriginally(p, to) ? 0 : 1) - (heldOriginally(p, from) ? 0 : 1));
  }

  boolean heldOriginally(int p, int b) {
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (st.original[s] == b) {
        return true;
      }
    }
    return false;
  }

  /** Returns the brokers the last action changed (valid up to {@link #touchedCount}). */
  int[] touched() {
    return touched;
  }

  /** Returns how many brokers the last action changed. */
  int touchedCount() {
    return touchedCount;
  }

  private void touchedBrokers(int a, int b) {
    touched[0] = a;
    touched[1] = b;
    touchedCount = a >= 0 ? 2 : 1;
    if (a < 0) {
      touched[0] = b;
    }
  }

  /** Moves the replica in {@code slot} to {@code to} for {@code reason}. */
  void move(int slot, int to, Reason reason, ActionKind kind) {
    int p = st.partitionOf(slot);
    touchedBrokers(st.replica[slot], to);
    replica(slot, to);
    touch(p, reason, kind);
  }

  /** Makes {@code to} the leader of {@code p} for {@code reason}. */
  void lead(int p, int to, Reason reason) {
    touchedBrokers(st.leader[p], to);
    if (journal != null) {
      journal.lead(this, p, st.leader[p]);
    }
    st.moveLeader(p, to);
    touch(p, reason, ActionKind.LEADERSHIP);
  }

  /** Swaps the replicas in slots {@code a} and {@code b} for {@code reason}. */
  void swap(int a, int b, Reason reason) {
    int p = st.partitionOf(a);
    int q = st.partitionOf(b);
    int ba = st.replica[a];
    int bb = st.replica[b];
    touchedBrokers(ba, bb);
    replica(a, bb);
    replica(b, ba);
    touch(p, reason, ActionKind.SWAP);
    touch(q, reason, ActionKind.SWAP);
    swapPartner[p] = q;
    swapPartner[q] = p;
  }

  private void replica(int slot, int to) {
    bytes += cost(slot, to);
    if (journal != null) {
      journal.move(this, slot, st.replica[slot]);
    }
    obj.moveReplica(slot, to);
  }

  /** Undoes what {@code j} recorded, with its bytes. */
  void undo(MoveJournal j, long bytesBefore) {
    j.undo(this);
    bytes = bytesBefore;
  }

  private void touch(int p, Reason reason, ActionKind kind) {
    boolean first = firstTouch[p] < 0;
    if (first) {
      firstTouch[p] = sequence++;
    }
    // A partition a hard goal moved keeps that reason: balancing only re-targeted it.
    if (first || !Reason.values()[lastReason[p]].hard()) {
      lastReason[p] = (byte) reason.ordinal();
    }
    lastKind[p] = (byte) kind.ordinal();
    applied++;
  }
}
