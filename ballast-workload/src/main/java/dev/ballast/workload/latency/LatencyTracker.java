package dev.ballast.workload.latency;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Records latencies in nanoseconds from any number of threads (wait-free) and lets one reader take
 * interval snapshots that also accumulate into a cumulative histogram. Histograms auto-resize, so a
 * value is never clipped however large it is.
 *
 * <p>Each recording thread has its own {@link SingleWriterRecorder} (two uncontended atomic
 * increments and a plain histogram update per value, against about six atomic operations on a
 * shared {@code ConcurrentHistogram}); the reader swaps every thread's recorder and adds the plain
 * histograms up, so no value is lost or counted twice.
 */
public final class LatencyTracker {

  private static final int SIGNIFICANT_DIGITS = 3;

  private final List<Stripe> stripes = new ArrayList<>();
  private final ThreadLocal<Stripe> mine = ThreadLocal.withInitial(this::newStripe);
  private final Histogram interval = newHistogram();
  private final Histogram cumulative = newHistogram();

  /** One recording thread's recorder and the histogram its last interval was swapped into. */
  private static final class Stripe {
    final SingleWriterRecorder recorder = new SingleWriterRecorder(SIGNIFICANT_DIGITS);
    Histogram recycled;
  }

  /** Returns an empty auto-resizing histogram with the tracker's precision. */
  public static Histogram newHistogram() {
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    histogram.setAutoResize(true);
    return histogram;
  }

  private Stripe newStripe() {
    Stripe stripe = new Stripe();
    synchronized (this) {
      stripes.add(stripe);
    }
    return stripe;
  }

  /** Records one latency of {@code nanos} (negative values, from clock skew, count as 0). */
  public void record(long nanos) {
    mine.get().recorder.recordValue(Math.max(0, nanos));
  }

  /**
   * Returns the values recorded since the previous call (a copy the caller owns) and adds them to
   * the cumulative histogram. Call from one reader thread.
   */
  public synchronized Histogram takeInterval() {
    return takeInterval(Histogram::copy);
  }

  /**
   * Applies {@code reader} to the values recorded since the previous take (without copying them;
   * the histogram is the tracker's and only valid during the call), adds them to the cumulative
   * histogram, and returns what {@code reader} returned.
   */
  public synchronized <T> T takeInterval(Function<Histogram, T> reader) {
    requireNonNull(reader, "reader");
    collectInterval();
    if (interval.getTotalCount() > 0) {
      cumulative.add(interval);
    }
    return reader.apply(interval);
  }

  /** Swaps every thread's recorder and adds what each recorded into {@link #interval}. */
  private void collectInterval() {
    interval.reset();
    for (Stripe s : stripes) {
      s.recycled = s.recorder.getIntervalHistogram(s.recycled);
      if (s.recycled.getTotalCount() > 0) {
        interval.add(s.recycled);
      }
    }
  }

  /** Returns a copy of every value recorded since creation or the last {@link #reset()}. */
  public synchronized Histogram cumulative() {
    takeInterval(h -> null);
    return cumulative.copy();
  }

  /** Discards everything recorded so far (the end of a warm-up). */
  public synchronized void reset() {
    collectInterval();
    interval.reset();
    cumulative.reset();
  }
}
