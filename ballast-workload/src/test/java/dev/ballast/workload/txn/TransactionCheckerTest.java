package dev.ballast.workload.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionCheckerTest {

  private static final long TIMEOUT = 10_000_000_000L;

  private static ProducedTransaction txn(long seq, TxnOutcome outcome, Integer... partitions) {
    return new ProducedTransaction(new TxnId(1, seq), "t", List.of(partitions), outcome);
  }

  /** Reads of every record of {@code t}, at offsets from {@code firstOffset}. */
  private static List<TxnRead> readAll(ProducedTransaction t, long firstOffset) {
    List<TxnRead> reads = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      reads.add(new TxnRead(t.id(), i, t.partitions().get(i), firstOffset + i));
    }
    return reads;
  }

  private static TransactionVerdict check(List<ProducedTransaction> produced, List<TxnRead> read) {
    return TransactionChecker.check(produced, read, List.of(), TIMEOUT);
  }

  @Test
  void committedReadOnceAndAbortedUnreadIsClean() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0, 1, 2);
    ProducedTransaction a = txn(1, TxnOutcome.ABORTED, 0, 1, 2);
    TransactionVerdict v = check(List.of(c, a), readAll(c, 0));
    assertThat(v.inconclusive()).isFalse();
    assertThat(v.isolationViolated()).isFalse();
    assertThat(v.exactlyOnceViolated()).isFalse();
    assertThat(v.hanging()).isFalse();
    assertThat(v.committed()).isEqualTo(1);
    assertThat(v.aborted()).isEqualTo(1);
    assertThat(v.committedRecords()).isEqualTo(3);
  }

  @Test
  void anAbortedRecordReadIsAnIsolationViolation() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0);
    ProducedTransaction a = txn(1, TxnOutcome.ABORTED, 0, 1);
    List<TxnRead> reads = new ArrayList<>(readAll(c, 0));
    reads.add(new TxnRead(a.id(), 1, 1, 7));
    TransactionVerdict v = check(List.of(c, a), reads);
    assertThat(v.isolationViolated()).isTrue();
    assertThat(v.abortedReads()).isEqualTo(1);
    assertThat(v.samples()).contains("aborted txn 1/1 record 1 read at partition 1 offset 7");
  }

  @Test
  void aCommittedTransactionReadInPartIsTorn() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0, 1, 2);
    TransactionVerdict v = check(List.of(c), readAll(c, 0).subList(0, 2));
    assertThat(v.isolationViolated()).isTrue();
    assertThat(v.tornTransactions()).isEqualTo(1);
    assertThat(v.missingRecords()).isEqualTo(1);
  }

  @Test
  void anUnknownOutcomeReadInPartIsTornButNoneOrAllIsFine() {
    ProducedTransaction none = txn(0, TxnOutcome.UNKNOWN, 0, 1);
    ProducedTransaction all = txn(1, TxnOutcome.UNKNOWN, 0, 1);
    ProducedTransaction part = txn(2, TxnOutcome.UNKNOWN, 0, 1);
    ProducedTransaction c = txn(3, TxnOutcome.COMMITTED, 0);
    List<TxnRead> reads = new ArrayList<>(readAll(all, 0));
    reads.add(readAll(part, 10).get(0));
    reads.addAll(readAll(c, 20));
    TransactionVerdict v = check(List.of(none, all, part, c), reads);
    assertThat(v.tornTransactions()).isEqualTo(1);
    assertThat(v.missingRecords()).isZero();
    assertThat(v.unknown()).isEqualTo(3);
  }

  @Test
  void aCommittedTransactionNeverReadIsMissing() {
    ProducedTransaction read = txn(0, TxnOutcome.COMMITTED, 0);
    ProducedTransaction lost = txn(1, TxnOutcome.COMMITTED, 0, 1);
    TransactionVerdict v = check(List.of(read, lost), readAll(read, 0));
    assertThat(v.exactlyOnceViolated()).isTrue();
    assertThat(v.isolationViolated()).isFalse();
    assertThat(v.missingRecords()).isEqualTo(2);
    assertThat(v.samples()).contains("missing committed txn 1/1 (2 records, none read)");
  }

  @Test
  void aCommittedRecordAtTwoOffsetsIsDuplicated() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0, 1);
    List<TxnRead> reads = new ArrayList<>(readAll(c, 0));
    reads.add(new TxnRead(c.id(), 0, 0, 5));
    TransactionVerdict v = check(List.of(c), reads);
    assertThat(v.exactlyOnceViolated()).isTrue();
    assertThat(v.duplicatedRecords()).isEqualTo(1);
  }

  @Test
  void theSameOffsetReadTwiceIsNotADuplicate() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0);
    List<TxnRead> reads = new ArrayList<>(readAll(c, 3));
    reads.addAll(readAll(c, 3));
    assertThat(check(List.of(c), reads).duplicatedRecords()).isZero();
  }

  @Test
  void readsOfTransactionsNoProducerReportedAreCountedNotJudged() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0);
    List<TxnRead> reads = new ArrayList<>(readAll(c, 0));
    reads.add(new TxnRead(new TxnId(9, 9), 0, 0, 1));
    TransactionVerdict v = check(List.of(c), reads);
    assertThat(v.foreignReads()).isEqualTo(1);
    assertThat(v.isolationViolated() || v.exactlyOnceViolated()).isFalse();
  }

  @Test
  void nothingCommittedIsInconclusive() {
    assertThat(check(List.of(), List.of()).inconclusive()).isTrue();
    assertThat(check(List.of(txn(0, TxnOutcome.ABORTED, 0)), List.of()).inconclusive()).isTrue();
  }

  @Test
  void aLastStableOffsetUnmovedBehindTheHighWatermarkBeyondTheTimeoutIsHanging() {
    ProducedTransaction c = txn(0, TxnOutcome.COMMITTED, 0);
    long s = 1_000_000_000L;
    List<LsoSample> lso =
        List.of(
            new LsoSample(0, "t", 0, 5, 9),
            new LsoSample(5 * s, "t", 0, 5, 12),
            new LsoSample(12 * s, "t", 0, 5, 14),
            // partition 1 moves on: behind the high watermark, but never stuck
            new LsoSample(0, "t", 1, 3, 9),
            new LsoSample(6 * s, "t", 1, 8, 12),
            new LsoSample(12 * s, "t", 1, 13, 14));
    TransactionVerdict v = TransactionChecker.check(List.of(c), readAll(c, 0), lso, TIMEOUT);
    assertThat(v.hanging()).isTrue();
    assertThat(v.stuck()).containsExactly(new StuckPartition("t", 0, 5, 14, 12 * s));
    assertThat(v.stuck().get(0).describe())
        .isEqualTo("t-0: last stable offset 5 behind high watermark 14 for 12.0 s");
  }

  @Test
  void aLastStableOffsetThatCaughtUpIsNotHanging() {
    long s = 1_000_000_000L;
    List<LsoSample> lso =
        List.of(
            new LsoSample(0, "t", 0, 5, 9),
            new LsoSample(8 * s, "t", 0, 9, 9),
            new LsoSample(9 * s, "t", 0, 9, 12),
            new LsoSample(15 * s, "t", 0, 9, 12));
    assertThat(TransactionChecker.calculateStuck(lso, TIMEOUT)).isEmpty();
  }
}
