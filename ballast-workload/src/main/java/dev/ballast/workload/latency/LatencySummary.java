package dev.ballast.workload.latency;

import static java.util.Objects.requireNonNull;

import org.HdrHistogram.Histogram;

/** The usual percentiles of a latency histogram, in nanoseconds. */
public record LatencySummary(
    long count, double meanNanos, long p50, long p95, long p99, long p999, long maxNanos) {

  /** A summary of nothing. */
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

  /** Returns the summary of {@code histogram} (values in nanoseconds). */
  public static LatencySummary of(Histogram histogram) {
    requireNonNull(histogram, "histogram");
    if (histogram.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getMean(),
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(95),
        histogram.getValueAtPercentile(99),
        histogram.getValueAtPercentile(99.9),
        histogram.getMaxValue());
  }

  /** Returns {@code nanos} in milliseconds. */
  public static double millis(double nanos) {
    return nanos / 1e6;
  }

  /** Returns a one-line human description in milliseconds. */
  public String describeMillis() {
    return String.format(
        "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
        millis(p50), millis(p95), millis(p99), millis(p999), millis(maxNanos));
  }
}
