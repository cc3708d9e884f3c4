package dev.ballast.workload.txn;

/**
 * One transaction: the producer that ran it and its sequence number within that producer.
 *
 * @param producer the producer's id
 * @param sequence the transaction's number, from 0, within the producer
 */
public record TxnId(long producer, long sequence) {

  /** Validates the numbers. */
  public TxnId {
    if (producer < 0 || sequence < 0) {
      throw new IllegalArgumentException(
          "producer and sequence must be >= 0, got " + producer + "/" + sequence);
    }
  }

  @Override
  public String toString() {
    return "txn " + producer + "/" + sequence;
  }
}
