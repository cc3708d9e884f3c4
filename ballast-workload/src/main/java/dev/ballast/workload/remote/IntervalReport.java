package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A worker's report (key: the worker id), sent every report interval, on request and at the end:
 * cumulative counters of this session, the latency histograms of the interval (compressed as OMB
 * does, base64), and the continuity observations so far in compact form (per producer session and
 * partition the sequence ranges acknowledged; per group and partition the offsets and sequence
 * ranges consumed). Histograms recorded under an older {@code warmupGeneration} are warm-up. {@code
 * countersAtRequest} (null before any request) are the counters at the instant request {@code
 * reportRequest} asked about. {@code processCpuNanos} is the worker process's CPU time so far.
 */
public record IntervalReport(
    String workerId,
    long sessionId,
    long epoch,
    long seq,
    int warmupGeneration,
    long reportRequest,
    boolean finished,
    Counters counters,
    Counters countersAtRequest,
    Map<String, String> histograms,
    long intendedCountSinceWarmup,
    long processCpuNanos,
    List<LedgerReport> producers,
    List<GroupReport> groups,
    List<String> errors) {

  /** The histogram names carried in {@link #histograms}. */
  public static final List<String> HISTOGRAMS =
      List.of("intended", "send", "scheduleDelay", "endToEnd");

  /** Validates and copies. */
  public IntervalReport {
    requireNonNull(workerId, "workerId");
    requireNonNull(counters, "counters");
    histograms = Map.copyOf(histograms);
    producers = List.copyOf(producers);
    groups = List.copyOf(groups);
    errors = List.copyOf(errors);
  }

  /** Cumulative counters of one worker session. */
  public record Counters(long sent, long acked, long failed, long consumed, long ackedBytes) {}

  /**
   * One producer session's ledger: its id, topic, messages handed to the client, failed sends, and
   * per partition the acknowledged sequences as flat {@code [from, to, from, to, ...]} ranges.
   */
  public record LedgerReport(
      long producerId, String topic, long produced, long failed, Map<Integer, long[]> acked) {

    /** Validates and copies. */
    public LedgerReport {
      requireNonNull(topic, "topic");
      acked = Map.copyOf(acked);
    }
  }

  /** What one consumer group read on this worker, per partition. */
  public record GroupReport(String group, String topic, List<PartitionReport> partitions) {

    /** Validates and copies. */
    public GroupReport {
      requireNonNull(group, "group");
      requireNonNull(topic, "topic");
      partitions = List.copyOf(partitions);
    }
  }

  /**
   * One partition as read by one worker: offsets read and per producer the sequences read (flat
   * ranges), and the local duplicate, reorder and re-read counts.
   */
  public record PartitionReport(
      int partition,
      long[] offsets,
      Map<Long, long[]> sequences,
      long duplicated,
      long reordered,
      long redelivered) {

    /** Validates and copies. */
    public PartitionReport {
      requireNonNull(offsets, "offsets");
      sequences = Map.copyOf(sequences);
    }
  }
}
