package dev.ballast.app.task.txn;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.workload.txn.StuckPartition;
import dev.ballast.workload.txn.TransactionVerdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The transactions task's checkers, pure functions of the recorded {@link TxnRun}: isolation (an
 * aborted record read, G1a, or a committed transaction read in part is CRITICAL), exactly-once (a
 * committed record missing or read twice is CRITICAL), hanging transactions (a last stable offset
 * stuck beyond the transaction timeout is an ERROR). Nothing committed is INCONCLUSIVE.
 */
public final class TransactionChecks {

  private TransactionChecks() {}

  /** Returns the three checkers. */
  public static List<Checker> all() {
    return List.of(isolation(), exactlyOnce(), hanging());
  }

  /** Returns "no aborted record read and no committed transaction torn". */
  public static Checker isolation() {
    return checker(
        "transaction-isolation",
        (run, v) -> {
          if (!v.isolationViolated()) {
            return Verdict.pass(
                "transaction-isolation",
                "no aborted record read, no committed transaction torn",
                evidence(run));
          }
          return Verdict.fail(
              "transaction-isolation",
              Severity.CRITICAL,
              v.abortedReads()
                  + " aborted records read, "
                  + v.tornTransactions()
                  + " transactions torn ("
                  + run.isolation()
                  + ")",
              evidence(run));
        });
  }

  /** Returns "every committed record read exactly once". */
  public static Checker exactlyOnce() {
    return checker(
        "transaction-exactly-once",
        (run, v) -> {
          if (!v.exactlyOnceViolated()) {
            return Verdict.pass(
                "transaction-exactly-once",
                v.committedRecords() + " committed records each read once",
                evidence(run));
          }
          return Verdict.fail(
              "transaction-exactly-once",
              Severity.CRITICAL,
              v.missingRecords()
                  + " committed records never read, "
                  + v.duplicatedRecords()
                  + " read twice",
              evidence(run));
        });
  }

  /** Returns "no last stable offset stuck behind the high watermark beyond the timeout". */
  public static Checker hanging() {
    return checker(
        "hanging-transactions",
        (run, v) -> {
          if (!v.hanging()) {
            return Verdict.pass(
                "hanging-transactions", "no last stable offset stuck", evidence(run));
          }
          return Verdict.fail(
              "hanging-transactions",
              Severity.ERROR,
              v.stuck().size() + " partitions with a hanging transaction",
              v.stuck().stream().map(StuckPartition::describe).collect(Collectors.joining("; ")));
        });
  }

  private interface Judge {
    Verdict judge(TxnRun run, TransactionVerdict verdict);
  }

  private static Checker checker(String name, Judge judge) {
    return new Checker() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Verdict> check(RecordedRun run) {
        Optional<TxnRun> txn = run.observation(TxnRun.KEY);
        if (txn.isEmpty()) {
          return List.of(
              Verdict.inconclusive(name, "no transactions were run", "nothing recorded"));
        }
        if (txn.get().verdict().inconclusive()) {
          return List.of(
              Verdict.inconclusive(
                  name,
                  "no transaction was committed, so nothing can be judged",
                  evidence(txn.get())));
        }
        return List.of(judge.judge(txn.get(), txn.get().verdict()));
      }
    };
  }

  private static String evidence(TxnRun run) {
    TransactionVerdict v = run.verdict();
    return v.describe()
        + "; consumers "
        + run.isolation()
        + (run.caughtUp() ? ", caught up" : ", NOT caught up at the deadline")
        + "; producer errors recovered "
        + run.producerErrors()
        + (v.samples().isEmpty() ? "" : "; e.g. " + v.samples());
  }
}
