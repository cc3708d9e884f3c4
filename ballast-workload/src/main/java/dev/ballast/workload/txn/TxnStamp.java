package dev.ballast.workload.txn;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The header on every transactional record: {@code ballast-txn}, holding the producer id and the
 * transaction's sequence (8 bytes each, big-endian), the record's index and the transaction's size
 * (4 bytes each).
 */
public final class TxnStamp {

  /** The header's key. */
  public static final String HEADER = "ballast-txn";

  private static final int LENGTH = 2 * Long.BYTES + 2 * Integer.BYTES;

  private TxnStamp() {}

  /** Returns the header of record {@code index} of transaction {@code id} of {@code size}. */
  public static Header header(TxnId id, int index, int size) {
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.putLong(id.producer()).putLong(id.sequence()).putInt(index).putInt(size);
    return new RecordHeader(HEADER, b.array());
  }

  /**
   * Returns the read of a record at {@code partition}/{@code offset}, or null when it carries no
   * transaction header.
   */
  public static TxnRead read(Headers headers, int partition, long offset) {
    Header header = headers.lastHeader(HEADER);
    if (header == null || header.value() == null || header.value().length != LENGTH) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(header.value());
    TxnId id = new TxnId(b.getLong(), b.getLong());
    return new TxnRead(id, b.getInt(), partition, offset);
  }
}
