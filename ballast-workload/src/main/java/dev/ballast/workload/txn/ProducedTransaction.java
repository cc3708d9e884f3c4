package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a transactional producer sent in one transaction and how it ended.
 *
 * @param id the transaction
 * @param topic the topic its records went to
 * @param partitions the partition of each record, by the record's index in the transaction
 * @param outcome how it ended
 */
public record ProducedTransaction(
    TxnId id, String topic, List<Integer> partitions, TxnOutcome outcome) {

  /** Validates and copies. */
  public ProducedTransaction {
    requireNonNull(id, "id");
    requireNonNull(topic, "topic");
    partitions = List.copyOf(partitions);
    requireNonNull(outcome, "outcome");
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException(id + " has no records");
    }
  }

  /** Returns the number of records in the transaction. */
  public int size() {
    return partitions.size();
  }
}
