package dev.ballast.workload.remote;

import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.latency.LatencyTracker;
import dev.ballast.workload.remote.IntervalReport.Counters;
import dev.ballast.workload.remote.IntervalReport.GroupReport;
import dev.ballast.workload.remote.IntervalReport.LedgerReport;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.WorkerTotals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The controller's sum of one run's reports: the latest report of every worker session (counters
 * and continuity are cumulative), and the interval histograms added up exactly, per period and
 * since the end of the warm-up. A report repeated or of another epoch is ignored. Not thread-safe.
 */
final class ReportAggregator {

  private final long epoch;
  private final Map<Long, IntervalReport> latest = new LinkedHashMap<>();
  private final Map<Long, Long> firstCpu = new HashMap<>();
  private final Map<String, Histogram> cumulative = new HashMap<>();
  private final Map<String, Histogram> period = new HashMap<>();
  private int warmupGeneration;
  private WorkerTotals lastTotals = new WorkerTotals(0, 0, 0, 0, 0);

  ReportAggregator(long epoch) {
    this.epoch = epoch;
    resetHistograms(cumulative);
    resetHistograms(period);
  }

  private static void resetHistograms(Map<String, Histogram> map) {
    IntervalReport.HISTOGRAMS.forEach(name -> map.put(name, LatencyTracker.newHistogram()));
  }

  /** Adds {@code r}; returns whether it was new. */
  boolean accept(IntervalReport r) {
    if (r.epoch() != epoch) {
      return false;
    }
    IntervalReport previous = latest.get(r.sessionId());
    if (previous != null && previous.seq() >= r.seq()) {
      return false;
    }
    latest.put(r.sessionId(), r);
    firstCpu.putIfAbsent(r.sessionId(), r.processCpuNanos());
    if (r.warmupGeneration() == warmupGeneration) {
      for (String name : IntervalReport.HISTOGRAMS) {
        String encoded = r.histograms().get(name);
        if (encoded != null) {
          Histogram h = Codec.decodeHistogram(encoded);
          cumulative.get(name).add(h);
          period.get(name).add(h);
        }
      }
    }
    return true;
  }

  /** Starts a new warm-up generation: latencies so far are discarded. */
  void endWarmup(int generation) {
    warmupGeneration = generation;
    resetHistograms(cumulative);
    resetHistograms(period);
  }

  /** Returns the latest report of {@code sessionId}, or null. */
  IntervalReport latest(long sessionId) {
    return latest.get(sessionId);
  }

  /** Returns the sums of the latest counters of every session. */
  WorkerTotals totals() {
    long sent = 0;
    long acked = 0;
    long failed = 0;
    long consumed = 0;
    long bytes = 0;
    for (IntervalReport r : latest.values()) {
      Counters c = r.counters();
      sent += c.sent();
      acked += c.acked();
      failed += c.failed();
      consumed += c.consumed();
      bytes += c.ackedBytes();
    }
    return new WorkerTotals(sent, acked, failed, consumed, bytes);
  }

  /**
   * Returns the sums of every session's counters at the instant request {@code request} asked about
   * (a session that did not answer it counts with its latest counters).
   */
  WorkerTotals totalsAt(long request) {
    long sent = 0;
    long acked = 0;
    long failed = 0;
    long consumed = 0;
    long bytes = 0;
    for (IntervalReport r : latest.values()) {
      Counters c =
          r.reportRequest() == request && r.countersAtRequest() != null
              ? r.countersAtRequest()
              : r.counters();
      sent += c.sent();
      acked += c.acked();
      failed += c.failed();
      consumed += c.consumed();
      bytes += c.ackedBytes();
    }
    return new WorkerTotals(sent, acked, failed, consumed, bytes);
  }

  /** Returns what happened since the previous call, over {@code periodNanos}. */
  PeriodStats takePeriod(long periodNanos) {
    WorkerTotals t = totals();
    PeriodStats stats =
        new PeriodStats(
            periodNanos,
            t.sent() - lastTotals.sent(),
            t.acked() - lastTotals.acked(),
            t.ackedBytes() - lastTotals.ackedBytes(),
            t.failed() - lastTotals.failed(),
            t.consumed() - lastTotals.consumed(),
            LatencySummary.of(period.get("intended")),
            LatencySummary.of(period.get("send")),
            LatencySummary.of(period.get("scheduleDelay")),
            LatencySummary.of(period.get("endToEnd")));
    lastTotals = t;
    resetHistograms(period);
    return stats;
  }

  /** Returns a copy of the merged histogram {@code name} since the end of the warm-up. */
  Histogram cumulative(String name) {
    return cumulative.get(name).copy();
  }

  /** Returns the sum of every session's own count of intended latencies since the warm-up. */
  long intendedCountSinceWarmup() {
    long sum = 0;
    for (IntervalReport r : latest.values()) {
      if (r.warmupGeneration() == warmupGeneration) {
        sum += r.intendedCountSinceWarmup();
      }
    }
    return sum;
  }

  /** Returns every session's ledgers of producers on {@code topic}. */
  List<LedgerReport> ledgers(String topic) {
    List<LedgerReport> list = new ArrayList<>();
    latest
        .values()
        .forEach(
            r -> r.producers().stream().filter(l -> l.topic().equals(topic)).forEach(list::add));
    return list;
  }

  /** Returns the ledgers of the sessions in {@code sessions}. */
  List<LedgerReport> ledgersOf(Set<Long> sessions) {
    List<LedgerReport> list = new ArrayList<>();
    sessions.forEach(
        s -> {
          IntervalReport r = latest.get(s);
          if (r != null) {
            list.addAll(r.producers());
          }
        });
    return list;
  }

  /** Returns what every session read in consumer group {@code group}. */
  List<GroupReport> groupParts(String group) {
    List<GroupReport> list = new ArrayList<>();
    latest
        .values()
        .forEach(r -> r.groups().stream().filter(g -> g.group().equals(group)).forEach(list::add));
    return list;
  }

  /**
   * Returns the CPU time the worker processes spent between their first and latest report of this
   * run, summed (-1 when a worker cannot tell).
   */
  long workerCpuNanos() {
    long sum = 0;
    for (IntervalReport r : latest.values()) {
      long first = firstCpu.get(r.sessionId());
      if (first < 0 || r.processCpuNanos() < 0) {
        return -1;
      }
      sum += r.processCpuNanos() - first;
    }
    return sum;
  }

  /** Returns the errors of every session's latest report, each once. */
  List<String> errors() {
    List<String> all = new ArrayList<>();
    latest
        .values()
        .forEach(r -> r.errors().stream().filter(e -> !all.contains(e)).forEach(all::add));
    return all;
  }

  /** Returns whether {@code sessionId}'s latest report answers request {@code request}. */
  boolean answered(long sessionId, long request) {
    IntervalReport r = latest.get(sessionId);
    return r != null && r.reportRequest() >= request;
  }

  /** Returns whether {@code sessionId} has sent its final report. */
  boolean finished(long sessionId) {
    IntervalReport r = latest.get(sessionId);
    return r != null && r.finished();
  }
}
