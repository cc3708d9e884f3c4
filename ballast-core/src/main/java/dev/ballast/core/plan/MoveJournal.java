package dev.ballast.core.plan;

import java.util.Arrays;

/**
 * What a trial changed, so that it can be undone: each replica move (slot and the broker it came
 * from) and leadership transfer (partition and its leader before), with the partition's bookkeeping
 * as it was. Undoing replays the inverse actions in reverse order.
 */
final class MoveJournal {

  private static final int MOVE = 0;
  private static final int LEAD = 1;

  private int[] kind = new int[16];
  private int[] subject = new int[16];
  private int[] previous = new int[16];
  private int[] firstTouch = new int[16];
  private byte[] reason = new byte[16];
  private byte[] actionKind = new byte[16];
  private int[] partner = new int[16];
  private int size;

  /** Records that the replica in {@code slot} is about to leave {@code from}. */
  void move(Moves m, int slot, int from) {
    add(m, MOVE, slot, from, m.st.partitionOf(slot));
  }

  /** Records that partition {@code p}, led by {@code from}, is about to change leader. */
  void lead(Moves m, int p, int from) {
    add(m, LEAD, p, from, p);
  }

  private void add(Moves m, int k, int s, int prev, int p) {
    if (size == kind.length) {
      int n = size * 2;
      kind = Arrays.copyOf(kind, n);
      subject = Arrays.copyOf(subject, n);
      previous = Arrays.copyOf(previous, n);
      firstTouch = Arrays.copyOf(firstTouch, n);
      reason = Arrays.copyOf(reason, n);
      actionKind = Arrays.copyOf(actionKind, n);
      partner = Arrays.copyOf(partner, n);
    }
    kind[size] = k;
    subject[size] = s;
    previous[size] = prev;
    firstTouch[size] = m.firstTouch[p];
    reason[size] = m.lastReason[p];
    actionKind[size] = m.lastKind[p];
    partner[size] = m.swapPartner[p];
    size++;
  }

  /** Undoes every recorded action, last first, and restores each partition's bookkeeping. */
  void undo(Moves m) {
    for (int i = size - 1; i >= 0; i--) {
      int p;
      if (kind[i] == MOVE) {
        p = m.st.partitionOf(subject[i]);
        m.obj.moveReplica(subject[i], previous[i]);
      } else {
        p = subject[i];
        m.st.moveLeader(p, previous[i]);
      }
      m.firstTouch[p] = firstTouch[i];
      m.lastReason[p] = reason[i];
      m.lastKind[p] = actionKind[i];
      m.swapPartner[p] = partner[i];
    }
    size = 0;
  }

  /** Forgets the recorded actions: they stay. */
  void clear() {
    size = 0;
  }
}
