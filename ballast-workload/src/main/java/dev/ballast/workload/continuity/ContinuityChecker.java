package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the continuity of everything one consumer group read: per producer and partition, which
 * sequence numbers arrived, at which offsets. Shared by all consumers of the group, so a partition
 * that moves from one consumer to another after a rebalance, or from one broker to another after a
 * reassignment, keeps one history. Thread-safe.
 */
public final class ContinuityChecker {

  private static final int MAX_LOST_SAMPLES = 10;

  private final Map<String, PartitionChecker[]> partitions = new ConcurrentHashMap<>();

  /** Returns the checker for {@code topic}-{@code partition}, creating it on first use. */
  public PartitionChecker partition(String topic, int partition) {
    requireNonNull(topic, "topic");
    if (partition < 0) {
      throw new IllegalArgumentException("partition must be >= 0, got " + partition);
    }
    PartitionChecker[] array = partitions.get(topic);
    if (array == null || partition >= array.length || array[partition] == null) {
      synchronized (this) {
        PartitionChecker[] current = partitions.getOrDefault(topic, new PartitionChecker[0]);
        if (partition >= current.length) {
          current = Arrays.copyOf(current, partition + 1);
        }
        if (current[partition] == null) {
          current[partition] = new PartitionChecker(topic, partition);
        }
        partitions.put(topic, current);
        array = current;
      }
    }
    return array[partition];
  }

  /** Returns a copy of every partition's observations, for a remote worker's report. */
  public List<PartitionSnapshot> snapshot() {
    List<PartitionSnapshot> list = new ArrayList<>();
    for (PartitionChecker[] array : partitions.values()) {
      for (PartitionChecker checker : array) {
        if (checker != null) {
          list.add(checker.snapshot());
        }
      }
    }
    return list;
  }

  /** Returns the number of messages consumed so far (first reads of an offset). */
  public long consumed() {
    return collect(null).consumed;
  }

  /** Returns the consumed sequences per stream (copies). */
  public Map<StreamId, IntervalSet> consumedStreams() {
    Map<StreamId, IntervalSet> seen = new HashMap<>();
    collect(seen);
    return seen;
  }

  /**
   * Returns whether every acknowledged sequence in {@code ledgers} has been consumed, so a drain
   * can stop waiting.
   */
  public boolean hasConsumedAll(Collection<AckLedger> ledgers) {
    Map<StreamId, IntervalSet> seen = consumedStreams();
    for (AckLedger ledger : ledgers) {
      for (Map.Entry<StreamId, IntervalSet> e : ledger.ackedStreams().entrySet()) {
        IntervalSet consumed = seen.getOrDefault(e.getKey(), new IntervalSet());
        if (!e.getValue().minus(consumed).isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Returns the verdict: lost means acknowledged by the cluster and never consumed. */
  public ContinuityVerdict verdict(Collection<AckLedger> ledgers) {
    requireNonNull(ledgers, "ledgers");
    Map<StreamId, IntervalSet> seen = new HashMap<>();
    ContinuityCounts.Builder counts = collect(seen);
    long produced = 0;
    long acked = 0;
    long failed = 0;
    long lost = 0;
    List<String> samples = new ArrayList<>();
    for (AckLedger ledger : ledgers) {
      produced += ledger.produced();
      failed += ledger.failedCount();
      for (Map.Entry<StreamId, IntervalSet> e : ledger.ackedStreams().entrySet()) {
        acked += e.getValue().cardinality();
        IntervalSet missing = e.getValue().minus(seen.getOrDefault(e.getKey(), new IntervalSet()));
        lost += missing.cardinality();
        sample(samples, e.getKey(), missing);
      }
    }
    return new ContinuityVerdict(
        produced,
        acked,
        failed,
        counts.consumed,
        lost,
        counts.duplicated,
        counts.reordered,
        counts.redelivered,
        /* checkedAgainstAcks= */ true,
        samples);
  }

  /**
   * Returns the verdict without producer acknowledgements (a consumer on its own): lost means a gap
   * between a stream's lowest and highest consumed sequence that was never filled.
   */
  public ContinuityVerdict verdictFromGaps() {
    Map<StreamId, IntervalSet> seen = new HashMap<>();
    ContinuityCounts.Builder counts = collect(seen);
    long lost = 0;
    List<String> samples = new ArrayList<>();
    for (Map.Entry<StreamId, IntervalSet> e : seen.entrySet()) {
      IntervalSet sequences = e.getValue();
      IntervalSet gaps = IntervalSet.ofRange(sequences.first(), sequences.last()).minus(sequences);
      lost += gaps.cardinality();
      sample(samples, e.getKey(), gaps);
    }
    return new ContinuityVerdict(
        0,
        0,
        0,
        counts.consumed,
        lost,
        counts.duplicated,
        counts.reordered,
        counts.redelivered,
        /* checkedAgainstAcks= */ false,
        samples);
  }

  private ContinuityCounts.Builder collect(Map<StreamId, IntervalSet> seen) {
    ContinuityCounts.Builder counts = new ContinuityCounts.Builder();
    for (PartitionChecker[] array : partitions.values()) {
      for (PartitionChecker checker : array) {
        if (checker != null) {
          checker.collect(counts, seen);
        }
      }
    }
    return counts;
  }

  private static void sample(List<String> samples, StreamId stream, IntervalSet missing) {
    for (IntervalSet.Range range : missing.ranges()) {
      if (samples.size() >= MAX_LOST_SAMPLES) {
        return;
      }
      samples.add(stream + " sequences " + range);
    }
  }
}
