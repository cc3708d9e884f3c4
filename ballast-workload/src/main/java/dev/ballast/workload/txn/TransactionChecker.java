package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a transactional run from what producers committed and aborted and what consumers read: no
 * aborted record read (G1a), no committed transaction read in part (torn), every committed record
 * read exactly once, and no last stable offset stuck behind the high watermark for longer than the
 * transaction timeout. Pure: the same inputs give the same verdict.
 */
public final class TransactionChecker {

  private static final int MAX_SAMPLES = 10;

  private TransactionChecker() {}

  /**
   * Returns the verdict over {@code produced} transactions, every record {@code read} (after the
   * consumers caught up) and the {@code lso} samples, where a partition whose last stable offset
   * stayed unmoved behind its high watermark for more than {@code hangingAfterNanos} is stuck.
   */
  public static TransactionVerdict check(
      Collection<ProducedTransaction> produced,
      Collection<TxnRead> read,
      Collection<LsoSample> lso,
      long hangingAfterNanos) {
    requireNonNull(produced, "produced");
    requireNonNull(read, "read");
    requireNonNull(lso, "lso");
    Map<TxnId, ProducedTransaction> byId = new HashMap<>();
    for (ProducedTransaction t : produced) {
      if (byId.put(t.id(), t) != null) {
        throw new IllegalArgumentException(t.id() + " is reported twice");
      }
    }
    Map<TxnId, Map<Integer, Set<Long>>> offsetsByRecord = new HashMap<>();
    List<String> samples = new ArrayList<>();
    long abortedReads = 0;
    long foreign = 0;
    for (TxnRead r : read) {
      ProducedTransaction t = byId.get(r.id());
      if (t == null || r.index() >= t.size()) {
        foreign++;
        continue;
      }
      if (t.outcome() == TxnOutcome.ABORTED) {
        abortedReads++;
        sample(samples, "aborted " + r.id() + " record " + r.index() + " read at " + at(r));
      }
      offsetsByRecord
          .computeIfAbsent(r.id(), id -> new HashMap<>())
          .computeIfAbsent(r.index(), i -> new HashSet<>())
          .add(((long) r.partition() << 48) ^ r.offset());
    }
    Counts counts = new Counts();
    for (ProducedTransaction t : produced) {
      judge(t, offsetsByRecord.getOrDefault(t.id(), Map.of()), counts, samples);
    }
    List<StuckPartition> stuck = calculateStuck(lso, hangingAfterNanos);
    stuck.forEach(s -> sample(samples, "hanging transaction: " + s.describe()));
    return new TransactionVerdict(
        counts.committed,
        counts.aborted,
        counts.unknown,
        counts.committedRecords,
        read.size(),
        abortedReads,
        counts.torn,
        counts.missing,
        counts.duplicated,
        foreign,
        stuck,
        samples);
  }

  private static void judge(
      ProducedTransaction t, Map<Integer, Set<Long>> seen, Counts counts, List<String> samples) {
    switch (t.outcome()) {
      case ABORTED -> counts.aborted++;
      case UNKNOWN -> counts.unknown++;
      case COMMITTED -> {
        counts.committed++;
        counts.committedRecords += t.size();
      }
    }
    if (t.outcome() == TxnOutcome.ABORTED) {
      return;
    }
    int readRecords = seen.size();
    if (readRecords > 0 && readRecords < t.size()) {
      counts.torn++;
      sample(samples, "torn " + t.id() + ": " + readRecords + " of " + t.size() + " records read");
    }
    for (Map.Entry<Integer, Set<Long>> e : seen.entrySet()) {
      if (e.getValue().size() > 1) {
        counts.duplicated += e.getValue().size() - 1;
        sample(
            samples,
            "duplicated "
                + t.id()
                + " record "
                + e.getKey()
                + " at "
                + e.getValue().size()
                + " offsets");
      }
    }
    if (t.outcome() == TxnOutcome.COMMITTED && readRecords < t.size()) {
      counts.missing += t.size() - readRecords;
      if (readRecords == 0) {
        sample(samples, "missing committed " + t.id() + " (" + t.size() + " records, none read)");
      }
    }
  }

  /**
   * Returns the partitions whose last stable offset stayed at one value, below the high watermark,
   * for more than {@code hangingAfterNanos}; each with its longest such stretch.
   */
  public static List<StuckPartition> calculateStuck(
      Collection<LsoSample> samples, long hangingAfterNanos) {
    Map<String, List<LsoSample>> byPartition = new HashMap<>();
    for (LsoSample s : samples) {
      byPartition.computeIfAbsent(s.topic() + "\0" + s.partition(), k -> new ArrayList<>()).add(s);
    }
    List<StuckPartition> stuck = new ArrayList<>();
    for (List<LsoSample> series : byPartition.values()) {
      series.sort(Comparator.comparingLong(LsoSample::nanos));
      StuckPartition worst = null;
      LsoSample since = null;
      for (LsoSample s : series) {
        if (s.lastStable() >= s.highWatermark()) {
          since = null;
          continue;
        }
        if (since == null || since.lastStable() != s.lastStable()) {
          since = s;
        }
        long nanos = s.nanos() - since.nanos();
        if (nanos > hangingAfterNanos && (worst == null || nanos > worst.stuckNanos())) {
          worst =
              new StuckPartition(
                  s.topic(), s.partition(), s.lastStable(), s.highWatermark(), nanos);
        }
      }
      if (worst != null) {
        stuck.add(worst);
      }
    }
    stuck.sort(
        Comparator.comparing(StuckPartition::topic).thenComparingInt(StuckPartition::partition));
    return stuck;
  }

  private static String at(TxnRead r) {
    return "partition " + r.partition() + " offset " + r.offset();
  }

  private static void sample(List<String> samples, String text) {
    if (samples.size() < MAX_SAMPLES) {
      samples.add(text);
    }
  }

  private static final class Counts {
    long committed;
    long aborted;
    long unknown;
    long committedRecords;
    long torn;
    long missing;
    long duplicated;
  }
}
