package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

/**
 * One transactional record a consumer read.
 *
 * @param id the transaction it belongs to (from its header)
 * @param index its index within the transaction
 * @param partition where it was read
 * @param offset its offset there
 */
public record TxnRead(TxnId id, int index, int partition, long offset) {

  /** Validates. */
  public TxnRead {
    requireNonNull(id, "id");
    if (index < 0 || partition < 0 || offset < 0) {
      throw new IllegalArgumentException("index, partition and offset must be >= 0");
    }
  }
}
