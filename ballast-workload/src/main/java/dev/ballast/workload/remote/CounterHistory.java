package dev.ballast.workload.remote;

import dev.ballast.workload.remote.IntervalReport.Counters;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A worker's recent counters, sampled on the wall clock, so it can say what they were at the
 * instant the controller asked about (interpolated linearly between samples), however late the
 * question reached it. Pure.
 */
final class CounterHistory {

  private final int capacity;
  private final Deque<Sample> samples = new ArrayDeque<>();

  private record Sample(long wallMillis, Counters counters) {}

  /** Creates a history of the last {@code capacity} samples. */
  CounterHistory(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be >= 2");
    }
    this.capacity = capacity;
  }

  /** Adds the counters at {@code wallMillis} (times must not go back). */
  void add(long wallMillis, Counters counters) {
    if (!samples.isEmpty() && samples.peekLast().wallMillis() >= wallMillis) {
      samples.pollLast();
    }
    samples.addLast(new Sample(wallMillis, counters));
    if (samples.size() > capacity) {
      samples.pollFirst();
    }
  }

  /** Returns the counters at {@code wallMillis}; null when there is no sample. */
  Counters at(long wallMillis) {
    Sample before = null;
    for (Sample s : samples) {
      if (s.wallMillis() >= wallMillis) {
        if (before == null) {
          return s.counters();
        }
        double f =
            (double) (wallMillis - before.wallMillis()) / (s.wallMillis() - before.wallMillis());
        return interpolate(before.counters(), s.counters(), f);
      }
      before = s;
    }
    return before == null ? null : before.counters();
  }

  private static Counters interpolate(Counters a, Counters b, double f) {
    return new Counters(
        lerp(a.sent(), b.sent(), f),
        lerp(a.acked(), b.acked(), f),
        lerp(a.failed(), b.failed(), f),
        lerp(a.consumed(), b.consumed(), f),
        lerp(a.ackedBytes(), b.ackedBytes(), f));
  }

  private static long lerp(long a, long b, double f) {
    return a + Math.round((b - a) * f);
  }
}
