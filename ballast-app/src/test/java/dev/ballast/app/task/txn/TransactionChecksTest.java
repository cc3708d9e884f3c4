package dev.ballast.app.task.txn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.workload.txn.LsoSample;
import dev.ballast.workload.txn.ProducedTransaction;
import dev.ballast.workload.txn.TransactionChecker;
import dev.ballast.workload.txn.TxnId;
import dev.ballast.workload.txn.TxnOutcome;
import dev.ballast.workload.txn.TxnRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionChecksTest {

  private static final long S = 1_000_000_000L;
  private static final ProducedTransaction COMMITTED =
      new ProducedTransaction(new TxnId(0, 0), "t", List.of(0, 1), TxnOutcome.COMMITTED);
  private static final ProducedTransaction ABORTED =
      new ProducedTransaction(new TxnId(0, 1), "t", List.of(0, 1), TxnOutcome.ABORTED);
  private static final List<TxnRead> COMMITTED_READ =
      List.of(new TxnRead(COMMITTED.id(), 0, 0, 0), new TxnRead(COMMITTED.id(), 1, 1, 0));

  private static RecordedRun run(List<TxnRead> reads, List<LsoSample> lso) {
    TxnRun txn =
        new TxnRun(
            TransactionChecker.check(List.of(COMMITTED, ABORTED), reads, lso, 40 * S),
            "read_committed",
            true,
            0,
            "");
    return runOf(Map.of(TxnRun.KEY.name(), txn));
  }

  private static RecordedRun runOf(Map<String, Object> observations) {
    return new RecordedRun(
        "transactions",
        "transactions",
        1,
        RunEnd.COMPLETED,
        "",
        List.of(),
        observations,
        List.of(),
        List.of());
  }

  private static Verdict judge(Checker checker, RecordedRun run) {
    return checker.check(run).get(0);
  }

  @Test
  void aCleanRunPassesEveryChecker() {
    for (Checker c : TransactionChecks.all()) {
      assertThat(judge(c, run(COMMITTED_READ, List.of())).outcome())
          .as(c.name())
          .isEqualTo(Outcome.PASS);
    }
  }

  @Test
  void anAbortedRecordReadIsACriticalIsolationFailure() {
    List<TxnRead> reads = new ArrayList<>(COMMITTED_READ);
    reads.add(new TxnRead(ABORTED.id(), 0, 0, 3));
    Verdict v = judge(TransactionChecks.isolation(), run(reads, List.of()));
    assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(v.summary())
        .isEqualTo("1 aborted records read, 0 transactions torn (read_committed)");
  }

  @Test
  void aTornTransactionIsACriticalIsolationFailure() {
    Verdict v = judge(TransactionChecks.isolation(), run(COMMITTED_READ.subList(0, 1), List.of()));
    assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aMissingOrDuplicatedCommittedRecordIsACriticalExactlyOnceFailure() {
    Verdict missing = judge(TransactionChecks.exactlyOnce(), run(List.of(), List.of()));
    assertThat(missing.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(missing.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(missing.summary()).isEqualTo("2 committed records never read, 0 read twice");
    List<TxnRead> twice = new ArrayList<>(COMMITTED_READ);
    twice.add(new TxnRead(COMMITTED.id(), 1, 1, 9));
    Verdict duplicated = judge(TransactionChecks.exactlyOnce(), run(twice, List.of()));
    assertThat(duplicated.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(duplicated.summary()).isEqualTo("0 committed records never read, 1 read twice");
  }

  @Test
  void aStuckLastStableOffsetIsAnErrorNotCritical() {
    List<LsoSample> stuck =
        List.of(new LsoSample(0, "t", 0, 4, 9), new LsoSample(45 * S, "t", 0, 4, 11));
    Verdict v = judge(TransactionChecks.hanging(), run(COMMITTED_READ, stuck));
    assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.evidence())
        .isEqualTo("t-0: last stable offset 4 behind high watermark 11 for 45.0 s");
  }

  @Test
  void nothingRecordedOrNothingCommittedIsInconclusive() {
    RecordedRun nothingCommitted =
        runOf(
            Map.of(
                TxnRun.KEY.name(),
                new TxnRun(
                    TransactionChecker.check(List.of(ABORTED), List.of(), List.of(), S),
                    "read_committed",
                    true,
                    0,
                    "")));
    for (Checker c : TransactionChecks.all()) {
      assertThat(judge(c, runOf(Map.of())).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
      assertThat(judge(c, nothingCommitted).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }
  }
}
