package dev.ballast.workload.continuity;

import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that one stream's sequence numbers increase with the offsets they are stored at, whatever
 * the order in which the records arrive. It keeps runs: stretches of the log (by offset) whose
 * sequences are consecutive, so there is no room between them for another record of the stream. A
 * new record is in order when its sequence lies between those of its neighbouring runs; a record
 * inside a run, or out of line with a neighbour, is a reorder. Records read in log order extend the
 * last run in O(1); memory grows with the number of holes, not of records. Not thread-safe.
 */
final class LogOrder {

  /** Runs by first offset. */
  private final TreeMap<Long, Run> runs = new TreeMap<>();

  private Run last;

  private static final class Run {
    final long firstOffset;
    long lastOffset;
    final long firstSequence;
    long lastSequence;

    Run(long firstOffset, long lastOffset, long firstSequence, long lastSequence) {
      this.firstOffset = firstOffset;
      this.lastOffset = lastOffset;
      this.firstSequence = firstSequence;
      this.lastSequence = lastSequence;
    }
  }

  /**
   * Records {@code sequence} stored at {@code offset} (both new to this stream) and returns whether
   * it is in order with the records seen so far; an out-of-order record is not kept.
   */
  boolean accept(long offset, long sequence) {
    if (last != null && offset > last.lastOffset) {
      if (sequence == last.lastSequence + 1) {
        last.lastOffset = offset; // the common case: the next record of the log
        last.lastSequence = sequence;
        return true;
      }
      if (sequence <= last.lastSequence) {
        return false;
      }
      last = new Run(offset, offset, sequence, sequence);
      runs.put(offset, last);
      return true;
    }
    Map.Entry<Long, Run> floorEntry = runs.floorEntry(offset);
    Map.Entry<Long, Run> ceilingEntry = runs.higherEntry(offset);
    Run floor = floorEntry == null ? null : floorEntry.getValue();
    Run ceiling = ceilingEntry == null ? null : ceilingEntry.getValue();
    if (floor != null && (offset <= floor.lastOffset || sequence <= floor.lastSequence)) {
      return false;
    }
    if (ceiling != null && sequence >= ceiling.firstSequence) {
      return false;
    }
    Run run;
    if (floor != null && sequence == floor.lastSequence + 1) {
      run = floor;
      run.lastOffset = offset;
      run.lastSequence = sequence;
    } else {
      run = new Run(offset, offset, sequence, sequence);
      runs.put(offset, run);
    }
    if (ceiling != null && ceiling.firstSequence == run.lastSequence + 1) {
      runs.remove(ceiling.firstOffset);
      run.lastOffset = ceiling.lastOffset;
      run.lastSequence = ceiling.lastSequence;
    }
    last = runs.lastEntry().getValue();
    return true;
  }

  /** Returns the number of runs kept (for tests: 1 when everything arrived in order). */
  int runCount() {
    return runs.size();
  }
}
