package dev.ballast.workload.continuity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of longs kept as sorted, disjoint, non-adjacent closed ranges. Adding the next value of a
 * run is O(1), so a stream of mostly consecutive sequence numbers costs a few ranges, not a value
 * each. Not thread-safe.
 */
public final class IntervalSet {

  private long[] starts;
  private long[] ends;
  private int size;
  private long cardinality;

  /** Creates an empty set. */
  public IntervalSet() {
    starts = new long[4];
    ends = new long[4];
  }

  /** Returns a set holding the closed range {@code [from, to]}. */
  public static IntervalSet ofRange(long from, long to) {
    IntervalSet set = new IntervalSet();
    set.addRange(from, to);
    return set;
  }

  /** Adds {@code value}; returns true if it was not already present. */
  public boolean add(long value) {
    if (size > 0 && value == ends[size - 1] + 1 && value != Long.MIN_VALUE) {
      ends[size - 1] = value; // the common case: the next value of the last run
      cardinality++;
      return true;
    }
    return addRange(value, value) == 1;
  }

  /** Adds the closed range {@code [from, to]}; returns how many values were not already present. */
  public long addRange(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("empty range [" + from + ", " + to + "]");
    }
    // First range that ends at or after from - 1 (it may touch or overlap [from, to]).
    int lo = firstEndingAtOrAfter(from == Long.MIN_VALUE ? from : from - 1);
    int hi = lo;
    long newStart = from;
    long newEnd = to;
    long covered = 0;
    while (hi < size && (to == Long.MAX_VALUE || starts[hi] <= to + 1)) {
      newStart = Math.min(newStart, starts[hi]);
      newEnd = Math.max(newEnd, ends[hi]);
      covered += overlap(starts[hi], ends[hi], from, to);
      hi++;
    }
    long added = (to - from + 1) - covered;
    replace(lo, hi, newStart, newEnd);
    cardinality += added;
    return added;
  }

  /** Adds every value of {@code other}. */
  public void addAll(IntervalSet other) {
    for (int i = 0; i < other.size; i++) {
      addRange(other.starts[i], other.ends[i]);
    }
  }

  /** Returns whether {@code value} is in the set. */
  public boolean contains(long value) {
    int i = firstEndingAtOrAfter(value);
    return i < size && starts[i] <= value;
  }

  /** Returns how many values the set holds. */
  public long cardinality() {
    return cardinality;
  }

  /** Returns whether the set is empty. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns the number of disjoint ranges. */
  public int rangeCount() {
    return size;
  }

  /** Returns the smallest value; the set must not be empty. */
  public long first() {
    requireNonEmpty();
    return starts[0];
  }

  /** Returns the largest value; the set must not be empty. */
  public long last() {
    requireNonEmpty();
    return ends[size - 1];
  }

  /** Returns the values of this set that are not in {@code other}, as a new set. */
  public IntervalSet minus(IntervalSet other) {
    IntervalSet result = new IntervalSet();
    int j = 0;
    for (int i = 0; i < size; i++) {
      long cursor = starts[i];
      long end = ends[i];
      while (j < other.size && other.ends[j] < cursor) {
        j++;
      }
      int k = j;
      while (cursor <= end && k < other.size && other.starts[k] <= end) {
        if (other.starts[k] > cursor) {
          result.addRange(cursor, other.starts[k] - 1);
        }
        if (other.ends[k] >= end) {
          cursor = end + 1;
          break;
        }
        cursor = Math.max(cursor, other.ends[k] + 1);
        k++;
      }
      if (cursor <= end) {
        result.addRange(cursor, end);
      }
    }
    return result;
  }

  /** Returns the closed ranges, in order. */
  public List<Range> ranges() {
    List<Range> ranges = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ranges.add(new Range(starts[i], ends[i]));
    }
    return ranges;
  }

  /** Returns a copy of this set. */
  public IntervalSet copy() {
    IntervalSet copy = new IntervalSet();
    copy.starts = Arrays.copyOf(starts, Math.max(4, size));
    copy.ends = Arrays.copyOf(ends, Math.max(4, size));
    copy.size = size;
    copy.cardinality = cardinality;
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalSet other && ranges().equals(other.ranges());
  }

  @Override
  public int hashCode() {
    return ranges().hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      text.append(i == 0 ? "" : ", ").append(new Range(starts[i], ends[i]));
    }
    return text.append('}').toString();
  }

  private int firstEndingAtOrAfter(long value) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Replaces ranges {@code [lo, hi)} with the single range {@code [start, end]}. */
  private void replace(int lo, int hi, long start, long end) {
    int removed = hi - lo;
    if (removed == 0) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      System.arraycopy(starts, lo, starts, lo + 1, size - lo);
      System.arraycopy(ends, lo, ends, lo + 1, size - lo);
      size++;
    } else if (removed > 1) {
      System.arraycopy(starts, hi, starts, lo + 1, size - hi);
      System.arraycopy(ends, hi, ends, lo + 1, size - hi);
      size -= removed - 1;
    }
    starts[lo] = start;
    ends[lo] = end;
  }

  private static long overlap(long aStart, long aEnd, long bStart, long bEnd) {
    long start = Math.max(aStart, bStart);
    long end = Math.min(aEnd, bEnd);
    return end >= start ? end - start + 1 : 0;
  }

  private void requireNonEmpty() {
    if (size == 0) {
      throw new IllegalStateException("the set is empty");
    }
  }

  /** A closed range {@code [from, to]}. */
  public record Range(long from, long to) {

    /** Validates the range. */
    public Range {
      if (from > to) {
        throw new IllegalArgumentException("empty range [" + from + ", " + to + "]");
      }
    }

    /** Returns how many values the range holds. */
    public long length() {
      return to - from + 1;
    }

    @Override
    public String toString() {
      return from == to ? Long.toString(from) : from + ".." + to;
    }
  }
}
