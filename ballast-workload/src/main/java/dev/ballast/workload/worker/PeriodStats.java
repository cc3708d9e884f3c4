package dev.ballast.workload.worker;

import dev.ballast.workload.latency.LatencySummary;

/**
 * What happened in one reporting period: messages sent, acknowledged, failed and consumed, bytes
 * acknowledged, and the period's latencies (from intended time, from send, schedule delay, end to
 * end).
 */
public record PeriodStats(
    long periodNanos,
    long sent,
    long acked,
    long ackedBytes,
    long failed,
    long consumed,
    LatencySummary intended,
    LatencySummary send,
    LatencySummary scheduleDelay,
    LatencySummary endToEnd) {

  /** Returns acknowledged messages per second in the period. */
  public double ackedPerSecond() {
    return periodNanos <= 0 ? 0 : acked * 1e9 / periodNanos;
  }

  /** Returns acknowledged MiB per second in the period. */
  public double ackedMibPerSecond() {
    return periodNanos <= 0 ? 0 : ackedBytes * 1e9 / periodNanos / (1024.0 * 1024.0);
  }

  /**
   * Returns a line in the style of kafka-producer-perf-test (latency from the intended send time),
   * followed by Ballast's extra figures.
   */
  public String describe() {
    return String.format(
        "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency;"
            + " schedule delay p99 %.2f ms, %d consumed, end-to-end p99 %.1f ms%s",
        acked,
        ackedPerSecond(),
        ackedMibPerSecond(),
        LatencySummary.millis(intended.meanNanos()),
        LatencySummary.millis(intended.maxNanos()),
        LatencySummary.millis(scheduleDelay.p99()),
        consumed,
        LatencySummary.millis(endToEnd.p99()),
        failed > 0 ? ", " + failed + " FAILED" : "");
  }
}
