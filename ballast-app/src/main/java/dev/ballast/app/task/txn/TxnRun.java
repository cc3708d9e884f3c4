package dev.ballast.app.task.txn;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.ObservationKey;
import dev.ballast.workload.txn.TransactionVerdict;

/**
 * What a transactions run recorded for its checkers.
 *
 * @param verdict the transaction checker's findings
 * @param isolation the consumers' isolation level
 * @param caughtUp whether the consumers reached every partition's end before the deadline
 * @param producerErrors client errors the producers recovered from (retried commits, new producers)
 * @param lastError the last of them, or empty
 */
public record TxnRun(
    TransactionVerdict verdict,
    String isolation,
    boolean caughtUp,
    long producerErrors,
    String lastError) {

  /** The key the task records it under. */
  public static final ObservationKey<TxnRun> KEY = ObservationKey.of("txn.run", TxnRun.class);

  /** Validates. */
  public TxnRun {
    requireNonNull(verdict, "verdict");
    requireNonNull(isolation, "isolation");
    requireNonNull(lastError, "lastError");
  }
}
