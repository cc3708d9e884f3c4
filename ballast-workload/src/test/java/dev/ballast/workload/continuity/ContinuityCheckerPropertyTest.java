package dev.ballast.workload.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The checker against a model: a log written by several producers into one partition, read by a
 * group whose consumers hand the partition over (rebalances) at random points, resuming from an
 * older committed offset and delivering chunks out of order. Whatever the handovers, the verdict
 * counts exactly the faults put into the log.
 */
class ContinuityCheckerPropertyTest {

  private static final String TOPIC = "t";

  /** One record in the log. */
  private record Entry(long offset, long producer, long sequence) {}

  /** Writes a log of {@code size} records from {@code producers} producers, in sequence order. */
  private static List<Entry> log(int size, int producers, Random random) {
    long[] next = new long[producers];
    List<Entry> log = new ArrayList<>();
    for (int offset = 0; offset < size; offset++) {
      int p = random.nextInt(producers);
      log.add(new Entry(offset, p, next[p]++));
    }
    return log;
  }

  /**
   * Delivers {@code log} the way a rebalancing group does: chunks from the position of the current
   * owner; at a handover the next owner resumes from an earlier committed offset (re-reads), and
   * the old owner's last chunk may reach the checker after the new owner's first one.
   */
  private static List<Entry> deliver(List<Entry> log, Random random) {
    List<Entry> delivered = new ArrayList<>();
    List<Entry> held = new ArrayList<>();
    int position = 0;
    while (position < log.size()) {
      int chunk = 1 + random.nextInt(20);
      List<Entry> read = log.subList(position, Math.min(log.size(), position + chunk));
      if (random.nextInt(5) == 0) {
        held.addAll(read); // the old owner's batch, delivered late
        position = Math.max(0, position - random.nextInt(10)); // the new owner re-reads a bit
        position += read.size();
        continue;
      }
      delivered.addAll(read);
      delivered.addAll(held);
      held.clear();
      position += read.size();
    }
    delivered.addAll(held);
    return delivered;
  }

  private static AckLedger[] ledgers(List<Entry> log, int producers) {
    AckLedger[] ledgers = new AckLedger[producers];
    for (int p = 0; p < producers; p++) {
      ledgers[p] = new AckLedger(p);
    }
    for (Entry e : log) {
      ledgers[(int) e.producer()].sent();
      ledgers[(int) e.producer()].acked(TOPIC, 0, e.sequence());
    }
    return ledgers;
  }

  @Property(tries = 200)
  void rebalancesNeverLookLikeFaults(
      @ForAll @IntRange(min = 1, max = 400) int size,
      @ForAll @IntRange(min = 1, max = 4) int producers,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Entry> log = log(size, producers, random);
    ContinuityChecker checker = new ContinuityChecker();
    List<Entry> delivered = deliver(log, random);
    for (Entry e : delivered) {
      checker.partition(TOPIC, 0).record(e.offset(), e.producer(), e.sequence());
    }

    ContinuityVerdict verdict = checker.verdict(List.of(ledgers(log, producers)));

    assertThat(verdict.clean()).as(verdict.describe()).isTrue();
    assertThat(verdict.consumed()).isEqualTo(size);
    assertThat(verdict.redelivered()).isEqualTo(delivered.size() - size);
  }

  @Property(tries = 200)
  void deletedRecordsAreLostAndNothingElse(
      @ForAll @IntRange(min = 1, max = 400) int size,
      @ForAll @IntRange(min = 1, max = 4) int producers,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Entry> log = log(size, producers, random);
    Set<Long> deleted = new TreeSet<>();
    for (Entry e : log) {
      if (random.nextInt(10) == 0) {
        deleted.add(e.offset());
      }
    }
    List<Entry> survivors = log.stream().filter(e -> !deleted.contains(e.offset())).toList();
    ContinuityChecker checker = new ContinuityChecker();
    for (Entry e : deliver(survivors, random)) {
      checker.partition(TOPIC, 0).record(e.offset(), e.producer(), e.sequence());
    }

    ContinuityVerdict verdict = checker.verdict(List.of(ledgers(log, producers)));

    assertThat(verdict.lost()).isEqualTo(deleted.size());
    assertThat(verdict.duplicated()).isZero();
    assertThat(verdict.reordered()).isZero();
  }

  @Property(tries = 300)
  void everySwapOfNeighboursIsOneReorderWhateverTheArrivalOrder(
      @ForAll @IntRange(min = 4, max = 300) int size, @ForAll long seed) {
    Random random = new Random(seed);
    List<Entry> written = log(size, 1, random);
    // Swap disjoint pairs of neighbours: each is one reorder in the log.
    long[] sequences = written.stream().mapToLong(Entry::sequence).toArray();
    int swaps = 0;
    for (int i = random.nextInt(3); i + 1 < size; i += 3 + random.nextInt(20)) {
      long t = sequences[i];
      sequences[i] = sequences[i + 1];
      sequences[i + 1] = t;
      swaps++;
    }
    List<Entry> log = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      log.add(new Entry(i, 0, sequences[i]));
    }
    ContinuityChecker checker = new ContinuityChecker();
    for (Entry e : deliver(log, random)) {
      checker.partition(TOPIC, 0).record(e.offset(), e.producer(), e.sequence());
    }

    ContinuityVerdict verdict = checker.verdict(List.of(ledgers(written, 1)));

    assertThat(verdict.reordered()).isEqualTo(swaps);
    assertThat(verdict.lost()).isZero();
    assertThat(verdict.duplicated()).isZero();
  }

  @Property(tries = 200)
  void copiesWrittenAgainAreDuplicated(
      @ForAll @IntRange(min = 1, max = 300) int size,
      @ForAll @IntRange(min = 1, max = 5) int copies,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Entry> written = log(size, 1, random);
    List<Entry> log = new ArrayList<>(written);
    for (int c = 0; c < copies; c++) {
      log.add(new Entry(size + c, 0, random.nextInt(size))); // retries without idempotence
    }
    ContinuityChecker checker = new ContinuityChecker();
    for (Entry e : log) { // in log order: which copy is the second one depends on arrival
      checker.partition(TOPIC, 0).record(e.offset(), e.producer(), e.sequence());
    }

    ContinuityVerdict verdict = checker.verdict(List.of(ledgers(written, 1)));

    assertThat(verdict.duplicated()).isEqualTo(copies);
    assertThat(verdict.lost()).isZero();
    assertThat(verdict.reordered()).isZero();
  }
}
