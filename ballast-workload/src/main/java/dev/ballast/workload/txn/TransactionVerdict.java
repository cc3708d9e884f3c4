package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The transaction checker's findings. {@code abortedReads} are records of aborted transactions a
 * consumer saw (G1a); {@code tornTransactions} committed transactions read only in part; {@code
 * missingRecords} committed records never read; {@code duplicatedRecords} committed records read at
 * more than one offset; {@code foreignReads} transactional records of transactions no producer
 * reported (not judged); {@code stuck} partitions with a hanging transaction.
 */
public record TransactionVerdict(
    long committed,
    long aborted,
    long unknown,
    long committedRecords,
    long recordsRead,
    long abortedReads,
    long tornTransactions,
    long missingRecords,
    long duplicatedRecords,
    long foreignReads,
    List<StuckPartition> stuck,
    List<String> samples) {

  /** Validates and copies. */
  public TransactionVerdict {
    stuck = List.copyOf(requireNonNull(stuck, "stuck"));
    samples = List.copyOf(requireNonNull(samples, "samples"));
  }

  /** Returns whether nothing was committed, so there is nothing to judge. */
  public boolean inconclusive() {
    return committed == 0;
  }

  /** Returns whether an aborted record was read or a committed transaction was torn. */
  public boolean isolationViolated() {
    return abortedReads > 0 || tornTransactions > 0;
  }

  /** Returns whether a committed record was lost or read twice. */
  public boolean exactlyOnceViolated() {
    return missingRecords > 0 || duplicatedRecords > 0;
  }

  /** Returns whether a last stable offset was stuck beyond the transaction timeout. */
  public boolean hanging() {
    return !stuck.isEmpty();
  }

  /** Returns a one-line summary. */
  public String describe() {
    return String.format(
        "transactions committed %d, aborted %d, unknown %d; committed records %d, read %d;"
            + " aborted reads %d, torn %d, missing %d, duplicated %d, foreign %d, stuck partitions %d",
        committed,
        aborted,
        unknown,
        committedRecords,
        recordsRead,
        abortedReads,
        tornTransactions,
        missingRecords,
        duplicatedRecords,
        foreignReads,
        stuck.size());
  }
}
