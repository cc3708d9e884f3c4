package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.continuity.AckLedger;
import dev.ballast.workload.continuity.ContinuityChecker;
import dev.ballast.workload.continuity.IntervalSet;
import dev.ballast.workload.continuity.PartitionSnapshot;
import dev.ballast.workload.continuity.StreamId;
import dev.ballast.workload.remote.IntervalReport.Counters;
import dev.ballast.workload.remote.IntervalReport.GroupReport;
import dev.ballast.workload.remote.IntervalReport.LedgerReport;
import dev.ballast.workload.remote.IntervalReport.PartitionReport;
import dev.ballast.workload.worker.ConsumerGroupState;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.WorkerTotals;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a worker session's interval reports from its local worker's live state. */
final class ReportBuilder {

  private final String workerId;
  private final long sessionId;
  private long seq;
  private long intendedSinceWarmup;

  ReportBuilder(String workerId, long sessionId) {
    this.workerId = requireNonNull(workerId, "workerId");
    this.sessionId = sessionId;
  }

  /** Forgets the latencies counted so far (a warm-up ended). */
  void warmupEnded() {
    intendedSinceWarmup = 0;
  }

  /**
   * Returns the next report of {@code worker}'s state in run {@code epoch}; {@code topics} maps
   * each producer id to its topic.
   */
  IntervalReport build(
      LocalWorker worker,
      long epoch,
      int warmupGeneration,
      long reportRequest,
      Counters atRequest,
      boolean finished,
      Map<Long, String> topics,
      List<String> errors) {
    // Encoded straight from the trackers' interval histograms: no copy per report.
    List<EncodedHistogram> encoded =
        worker.takeLatencyIntervals(
            h -> new EncodedHistogram(h.getTotalCount(), Codec.encodeHistogram(h)));
    intendedSinceWarmup += encoded.get(0).count();
    Map<String, String> histograms = new LinkedHashMap<>();
    for (int i = 0; i < encoded.size(); i++) {
      histograms.put(IntervalReport.HISTOGRAMS.get(i), encoded.get(i).base64());
    }
    WorkerTotals t = worker.totals();
    return new IntervalReport(
        workerId,
        sessionId,
        epoch,
        ++seq,
        warmupGeneration,
        reportRequest,
        finished,
        counters(t),
        atRequest,
        histograms,
        intendedSinceWarmup,
        processCpuNanos(),
        ledgers(worker.ledgers(), topics),
        groups(worker.consumerGroups()),
        errors);
  }

  /** One interval histogram's count and compressed form. */
  private record EncodedHistogram(long count, String base64) {}

  /** Returns this process's CPU time, or -1 where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Returns {@code t} as report counters. */
  static Counters counters(WorkerTotals t) {
    return new Counters(t.sent(), t.acked(), t.failed(), t.consumed(), t.ackedBytes());
  }

  static List<LedgerReport> ledgers(List<AckLedger> ledgers, Map<Long, String> topics) {
    List<LedgerReport> reports = new ArrayList<>();
    for (AckLedger ledger : ledgers) {
      // Acks first, then failures, then sends: each count read later can only be larger, so
      // sent - acked - failed (in flight) is never negative.
      Map<Integer, long[]> acked = new HashMap<>();
      for (Map.Entry<StreamId, IntervalSet> e : ledger.ackedStreams().entrySet()) {
        acked.put(e.getKey().partition(), Codec.ranges(e.getValue()));
      }
      long failed = ledger.failedCount();
      long produced = ledger.produced();
      String topic = topics.getOrDefault(ledger.producerId(), "");
      reports.add(new LedgerReport(ledger.producerId(), topic, produced, failed, acked));
    }
    return reports;
  }

  static List<GroupReport> groups(List<ConsumerGroupState> groups) {
    List<GroupReport> reports = new ArrayList<>();
    for (ConsumerGroupState g : groups) {
      reports.add(group(g.group(), g.topic(), g.checker()));
    }
    return reports;
  }

  /** Returns what {@code checker} has seen of {@code group} on {@code topic}, in compact form. */
  static GroupReport group(String group, String topic, ContinuityChecker checker) {
    List<PartitionReport> partitions = new ArrayList<>();
    for (PartitionSnapshot p : checker.snapshot()) {
      Map<Long, long[]> sequences = new HashMap<>();
      p.sequences().forEach((id, set) -> sequences.put(id, Codec.ranges(set)));
      partitions.add(
          new PartitionReport(
              p.partition(),
              Codec.ranges(p.offsets()),
              sequences,
              p.duplicated(),
              p.reordered(),
              p.redelivered()));
    }
    return new GroupReport(group, topic, partitions);
  }
}
