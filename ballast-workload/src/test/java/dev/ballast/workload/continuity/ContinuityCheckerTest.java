package dev.ballast.workload.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuityCheckerTest {

  private static final String TOPIC = "t";
  private static final long P1 = 0xA1;
  private static final long P2 = 0xB2;

  private final ContinuityChecker checker = new ContinuityChecker();

  private static AckLedger ackedRange(long producer, int partition, long from, long to) {
    AckLedger ledger = new AckLedger(producer);
    for (long s = from; s <= to; s++) {
      ledger.sent();
      ledger.acked(TOPIC, partition, s);
    }
    return ledger;
  }

  /** Consumes sequences {@code from..to} of {@code producer} at consecutive offsets. */
  private long consume(int partition, long firstOffset, long producer, long from, long to) {
    long offset = firstOffset;
    for (long s = from; s <= to; s++) {
      checker.partition(TOPIC, partition).record(offset++, producer, s);
    }
    return offset;
  }

  @Test
  void everythingConsumedOnceInOrderIsClean() {
    consume(0, 0, P1, 0, 99);

    ContinuityVerdict verdict = checker.verdict(List.of(ackedRange(P1, 0, 0, 99)));

    assertThat(verdict.clean()).isTrue();
    assertThat(verdict)
        .extracting("produced", "acked", "consumed", "lost", "duplicated", "reordered")
        .containsExactly(100L, 100L, 100L, 0L, 0L, 0L);
  }

  @Test
  void anAckedGapNeverFilledIsLost() {
    long next = consume(0, 0, P1, 0, 9);
    consume(0, next, P1, 15, 99); // 10..14 acked, never in the log

    ContinuityVerdict verdict = checker.verdict(List.of(ackedRange(P1, 0, 0, 99)));

    assertThat(verdict.lost()).isEqualTo(5);
    assertThat(verdict.lostSamples()).containsExactly("producer a1 t-0 sequences 10..14");
    assertThat(verdict.clean()).isFalse();
  }

  @Test
  void theAckedTailNeverConsumedIsLost() {
    consume(0, 0, P1, 0, 89);

    assertThat(checker.verdict(List.of(ackedRange(P1, 0, 0, 99))).lost()).isEqualTo(10);
  }

  @Test
  void unackedMessagesThatNeverArriveAreNotLost() {
    consume(0, 0, P1, 0, 49);
    AckLedger ledger = ackedRange(P1, 0, 0, 49);
    ledger.sent(); // sequence 50 was sent but its send failed
    ledger.failed();

    ContinuityVerdict verdict = checker.verdict(List.of(ledger));

    assertThat(verdict.lost()).isZero();
    assertThat(verdict.failed()).isEqualTo(1);
    assertThat(verdict.produced()).isEqualTo(51);
  }

  @Test
  void aSecondCopyAtAnotherOffsetIsDuplicated() {
    long next = consume(0, 0, P1, 0, 9);
    consume(0, next, P1, 8, 12); // a producer retry wrote 8 and 9 again

    ContinuityVerdict verdict = checker.verdict(List.of(ackedRange(P1, 0, 0, 12)));

    assertThat(verdict.duplicated()).isEqualTo(2);
    assertThat(verdict.consumed()).isEqualTo(15);
    assertThat(verdict.lost()).isZero();
    assertThat(verdict.reordered()).isZero();
  }

  @Test
  void rereadingTheSameOffsetsIsRedeliveredNotDuplicated() {
    consume(0, 0, P1, 0, 49);
    // A rebalance: the next owner resumes from the last committed offset, 40.
    consume(0, 40, P1, 40, 99);

    ContinuityVerdict verdict = checker.verdict(List.of(ackedRange(P1, 0, 0, 99)));

    assertThat(verdict.clean()).isTrue();
    assertThat(verdict.redelivered()).isEqualTo(10);
    assertThat(verdict.consumed()).isEqualTo(100);
  }

  @Test
  void aLowerSequenceStoredAfterAHigherOneIsReordered() {
    PartitionChecker p = checker.partition(TOPIC, 0);
    assertThat(p.record(0, P1, 0)).isEqualTo(Observation.IN_ORDER);
    assertThat(p.record(1, P1, 2)).isEqualTo(Observation.IN_ORDER);
    assertThat(p.record(2, P1, 1)).isEqualTo(Observation.REORDERED);
    assertThat(p.record(3, P1, 3)).isEqualTo(Observation.IN_ORDER);

    ContinuityVerdict verdict = checker.verdict(List.of(ackedRange(P1, 0, 0, 3)));

    assertThat(verdict.reordered()).isEqualTo(1);
    assertThat(verdict.lost()).isZero();
  }

  @Test
  void aReorderBehindTheHighestSequenceIsFoundWhenItArrivesLate() {
    // The log holds 5, 7, 6 at offsets 5, 6, 7 (and 0..4 before); offset 7 arrives before 6.
    PartitionChecker p = checker.partition(TOPIC, 0);
    consume(0, 0, P1, 0, 5);
    assertThat(p.record(7, P1, 6)).isEqualTo(Observation.IN_ORDER);

    assertThat(p.record(6, P1, 7)).isEqualTo(Observation.REORDERED);
  }

  @Test
  void aReorderIsFoundWhateverTheOrderOfArrival() {
    // The log holds seq 5 at offset 10 and seq 4 at offset 11; a rebalance delivers 11 first.
    PartitionChecker p = checker.partition(TOPIC, 0);
    p.record(11, P1, 4);

    assertThat(p.record(10, P1, 5)).isEqualTo(Observation.REORDERED);
  }

  @Test
  void anEarlierPartOfTheLogArrivingLateAfterARebalanceIsNotAReorder() {
    // Consumer A read offsets 0..49 of the log; before A's batch reached the checker, the
    // partition moved to consumer B, which delivered offsets 50..99 first.
    consume(0, 50, P1, 50, 99);
    PartitionChecker p = checker.partition(TOPIC, 0);
    assertThat(p.record(0, P1, 0)).isEqualTo(Observation.IN_ORDER);
    consume(0, 1, P1, 1, 49);

    ContinuityVerdict verdict = checker.verdict(List.of(ackedRange(P1, 0, 0, 99)));

    assertThat(verdict.clean()).isTrue();
    assertThat(verdict.consumed()).isEqualTo(100);
  }

  @Test
  void producersAndPartitionsAreIndependentStreams() {
    // Two producers interleave in one partition; their sequences each start at 0.
    PartitionChecker p0 = checker.partition(TOPIC, 0);
    long offset = 0;
    for (long s = 0; s < 50; s++) {
      p0.record(offset++, P1, s);
      p0.record(offset++, P2, s);
    }
    consume(1, 0, P1, 0, 49); // P1 on partition 1 also starts at sequence 0
    AckLedger l1 = ackedRange(P1, 0, 0, 49);
    for (long s = 0; s < 50; s++) {
      l1.acked(TOPIC, 1, s);
    }

    ContinuityVerdict verdict = checker.verdict(List.of(l1, ackedRange(P2, 0, 0, 49)));

    assertThat(verdict.clean()).isTrue();
    assertThat(verdict.acked()).isEqualTo(150);
    assertThat(verdict.consumed()).isEqualTo(150);
  }

  @Test
  void withoutAcksLostIsTheGapsNeverFilled() {
    long next = consume(0, 0, P1, 0, 9);
    next = consume(0, next, P1, 20, 29);
    consume(0, next, P1, 12, 14); // part of the gap arrives late (and out of order in the log)

    ContinuityVerdict verdict = checker.verdictFromGaps();

    assertThat(verdict.checkedAgainstAcks()).isFalse();
    assertThat(verdict.lost()).isEqualTo(7); // 10, 11, 15..19
    assertThat(verdict.reordered()).isEqualTo(3);
  }

  @Test
  void hasConsumedAllWaitsForEveryAckedSequence() {
    AckLedger ledger = ackedRange(P1, 0, 0, 9);
    consume(0, 0, P1, 0, 8);
    assertThat(checker.hasConsumedAll(List.of(ledger))).isFalse();

    checker.partition(TOPIC, 0).record(9, P1, 9);

    assertThat(checker.hasConsumedAll(List.of(ledger))).isTrue();
  }
}
