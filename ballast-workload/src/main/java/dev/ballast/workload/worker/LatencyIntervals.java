package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import org.HdrHistogram.Histogram;

/** One interval's latency histograms: from intended time, from send, schedule delay, end to end. */
public record LatencyIntervals(
    Histogram intended, Histogram send, Histogram scheduleDelay, Histogram endToEnd) {

  /** Validates. */
  public LatencyIntervals {
    requireNonNull(intended, "intended");
    requireNonNull(send, "send");
    requireNonNull(scheduleDelay, "scheduleDelay");
    requireNonNull(endToEnd, "endToEnd");
  }
}
