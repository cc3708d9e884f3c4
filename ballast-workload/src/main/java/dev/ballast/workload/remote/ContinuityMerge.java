package dev.ballast.workload.remote;

import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.continuity.IntervalSet;
import dev.ballast.workload.continuity.StreamId;
import dev.ballast.workload.remote.IntervalReport.GroupReport;
import dev.ballast.workload.remote.IntervalReport.LedgerReport;
import dev.ballast.workload.remote.IntervalReport.PartitionReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges one consumer group's continuity across workers from their compact reports: a message
 * produced on one worker and consumed on another is matched by its producer session, partition and
 * sequence. An offset read on two workers is a re-read (a partition changed hands); a sequence read
 * on two workers at different offsets is a duplicate. Pure.
 */
public final class ContinuityMerge {

  private static final int MAX_LOST_SAMPLES = 10;

  private ContinuityMerge() {}

  /**
   * Returns the verdict of a group from what each worker read ({@code parts}, one per worker
   * session) against every producer ledger on its topic ({@code ledgers}); without ledgers, lost
   * means gaps never filled.
   */
  public static ContinuityVerdict verdict(List<GroupReport> parts, List<LedgerReport> ledgers) {
    Map<Integer, Merged> partitions = new TreeMap<>();
    for (GroupReport part : parts) {
      for (PartitionReport p : part.partitions()) {
        partitions.computeIfAbsent(p.partition(), k -> new Merged()).add(p);
      }
    }
    long consumed = 0;
    long duplicated = 0;
    long reordered = 0;
    long redelivered = 0;
    Map<StreamId, IntervalSet> seen = new HashMap<>();
    String topic = parts.isEmpty() ? "" : parts.get(0).topic();
    for (Map.Entry<Integer, Merged> e : partitions.entrySet()) {
      Merged m = e.getValue();
      long offsetOverlap = m.offsetSum - m.offsets.cardinality();
      long sequenceOverlap = m.sequenceSum - m.sequenceUnion();
      consumed += m.offsets.cardinality();
      redelivered += m.redelivered + offsetOverlap;
      duplicated += m.duplicated + Math.max(0, sequenceOverlap - offsetOverlap);
      reordered += m.reordered;
      m.sequences.forEach((id, set) -> seen.put(new StreamId(id, topic, e.getKey()), set));
    }
    return ledgers.isEmpty()
        ? fromGaps(seen, consumed, duplicated, reordered, redelivered)
        : againstAcks(seen, ledgers, consumed, duplicated, reordered, redelivered);
  }

  /** Returns whether every acknowledged sequence of {@code ledgers} was read by {@code parts}. */
  public static boolean consumedAll(List<GroupReport> parts, List<LedgerReport> ledgers) {
    return verdict(parts, ledgers).lost() == 0;
  }

  /**
   * Returns the sends of {@code ledgers} (dead sessions) neither acknowledged nor failed in their
   * last report: indeterminate, never counted lost or duplicated.
   */
  public static long indeterminate(List<LedgerReport> ledgers) {
    long total = 0;
    for (LedgerReport l : ledgers) {
      long acked = 0;
      for (long[] ranges : l.acked().values()) {
        acked += Codec.intervalSet(ranges).cardinality();
      }
      total += Math.max(0, l.produced() - acked - l.failed());
    }
    return total;
  }

  private static ContinuityVerdict againstAcks(
      Map<StreamId, IntervalSet> seen,
      List<LedgerReport> ledgers,
      long consumed,
      long duplicated,
      long reordered,
      long redelivered) {
    long produced = 0;
    long acked = 0;
    long failed = 0;
    long lost = 0;
    List<String> samples = new ArrayList<>();
    for (LedgerReport l : ledgers) {
      produced += l.produced();
      failed += l.failed();
      for (Map.Entry<Integer, long[]> e : l.acked().entrySet()) {
        StreamId id = new StreamId(l.producerId(), l.topic(), e.getKey());
        IntervalSet ackedSet = Codec.intervalSet(e.getValue());
        acked += ackedSet.cardinality();
        IntervalSet missing = ackedSet.minus(seen.getOrDefault(id, new IntervalSet()));
        lost += missing.cardinality();
        sample(samples, id, missing);
      }
    }
    return new ContinuityVerdict(
        produced, acked, failed, consumed, lost, duplicated, reordered, redelivered, true, samples);
  }

  private static ContinuityVerdict fromGaps(
      Map<StreamId, IntervalSet> seen,
      long consumed,
      long duplicated,
      long reordered,
      long redelivered) {
    long lost = 0;
    List<String> samples = new ArrayList<>();
    for (Map.Entry<StreamId, IntervalSet> e : seen.entrySet()) {
      IntervalSet s = e.getValue();
      IntervalSet gaps = IntervalSet.ofRange(s.first(), s.last()).minus(s);
      lost += gaps.cardinality();
      sample(samples, e.getKey(), gaps);
    }
    return new ContinuityVerdict(
        0, 0, 0, consumed, lost, duplicated, reordered, redelivered, false, samples);
  }

  private static void sample(List<String> samples, StreamId id, IntervalSet missing) {
    for (IntervalSet.Range r : missing.ranges()) {
      if (samples.size() >= MAX_LOST_SAMPLES) {
        return;
      }
      samples.add(id + " sequences " + r);
    }
  }

  /** One partition as read by all workers together. */
  private static final class Merged {
    final IntervalSet offsets = new IntervalSet();
    final Map<Long, IntervalSet> sequences = new HashMap<>();
    long offsetSum;
    long sequenceSum;
    long duplicated;
    long reordered;
    long redelivered;

    void add(PartitionReport p) {
      IntervalSet o = Codec.intervalSet(p.offsets());
      offsetSum += o.cardinality();
      offsets.addAll(o);
      p.sequences()
          .forEach(
              (id, flat) -> {
                IntervalSet s = Codec.intervalSet(flat);
                sequenceSum += s.cardinality();
                sequences.computeIfAbsent(id, k -> new IntervalSet()).addAll(s);
              });
      duplicated += p.duplicated();
      reordered += p.reordered();
      redelivered += p.redelivered();
    }

    long sequenceUnion() {
      return sequences.values().stream().mapToLong(IntervalSet::cardinality).sum();
    }
  }
}
