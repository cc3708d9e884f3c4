package dev.ballast.core.plan;

/**
 * A sorted list of candidate keys (see {@link SortKeys}) from which entries that stopped being
 * candidates are removed in O(1) amortized: removed entries are jumped over through path-compressed
 * links, so a scan never walks the same dead entry twice.
 */
final class CandidateList {

  private final long[] keys;
  private final int[] jump;

  /** Wraps {@code sortedKeys}, all of them live. */
  CandidateList(long[] sortedKeys) {
    this.keys = sortedKeys;
    this.jump = new int[sortedKeys.length];
    for (int i = 0; i < jump.length; i++) {
      jump[i] = i;
    }
  }

  /** Returns the number of entries, live or not. */
  int size() {
    return keys.length;
  }

  /** Returns the key at {@code i}. */
  long key(int i) {
    return keys[i];
  }

  /** Returns the first live index at or after {@code i}, or {@link #size()}. */
  int live(int i) {
    int r = i;
    while (r < keys.length && jump[r] != r) {
      r = jump[r];
    }
    while (i < keys.length && jump[i] != i) {
      int next = jump[i];
      jump[i] = r;
      i = next;
    }
    return r;
  }

  /** Removes the entry at {@code i}. */
  void remove(int i) {
    jump[i] = i + 1;
  }
}
