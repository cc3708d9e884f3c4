package dev.ballast.workload.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies in nanoseconds from any number of threads (wait-free) and lets one reader take
 * interval snapshots that also accumulate into a cumulative histogram. Histograms auto-resize, so a
 * value is never clipped however large it is.
 */
public final class LatencyTracker {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
  private final Histogram cumulative = newHistogram();
  private Histogram recycled;

  /** Returns an empty auto-resizing histogram with the tracker's precision. */
  public static Histogram newHistogram() {
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    histogram.setAutoResize(true);
    return histogram;
  }

  /** Records one latency of {@code nanos} (negative values, from clock skew, count as 0). */
  public void record(long nanos) {
    recorder.recordValue(Math.max(0, nanos));
  }

  /**
   * Returns the values recorded since the previous call (a copy the caller owns) and adds them to
   * the cumulative histogram. Call from one reader thread.
   */
  public synchronized Histogram takeInterval() {
    recycled = recorder.getIntervalHistogram(recycled);
    cumulative.add(recycled);
    return recycled.copy();
  }

  /** Returns a copy of every value recorded since creation or the last {@link #reset()}. */
  public synchronized Histogram cumulative() {
    takeInterval();
    return cumulative.copy();
  }

  /** Discards everything recorded so far (the end of a warm-up). */
  public synchronized void reset() {
    recycled = recorder.getIntervalHistogram(recycled);
    cumulative.reset();
  }
}
