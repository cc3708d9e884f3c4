package dev.ballast.workload.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The stamp Ballast puts on every message, and a mutable holder to read it without allocating. A
 * stamp is three 8-byte big-endian longs: the producer id, the per-(producer, partition) sequence
 * number and the send time ({@link System#nanoTime()} of the sending host).
 *
 * <p>A value of at least {@link #VALUE_LENGTH} bytes carries the stamp in its first bytes, after a
 * 4-byte magic ({@code 0xBA11A57B}: no text or JSON message starts with {@code 0xBA}, a UTF-8
 * continuation byte), so the message is exactly the workload's size, as ProducerPerformance's are.
 * A smaller value carries it in one header, {@code ballast}. The header costs 31 bytes on the wire
 * and the Kafka client sizes and encodes its key several times per record: in the value, a 100-byte
 * record costs about 25% less client CPU (measured with {@code bench load}, docs/BENCHMARKS.md).
 */
public final class MessageStamp {

  /** The header's key. */
  public static final String HEADER = "ballast";

  /** The header value's length: producer id, sequence, send time. */
  public static final int LENGTH = 3 * Long.BYTES;

  /** The smallest value that carries the stamp itself: the magic and the three longs. */
  public static final int VALUE_LENGTH = Integer.BYTES + LENGTH;

  private static final int MAGIC = 0xBA11A57B;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private long producerId;
  private long sequence;
  private long sendNanos;

  /** Returns whether a value of {@code valueBytes} bytes carries the stamp (else: the header). */
  public static boolean fitsInValue(int valueBytes) {
    return valueBytes >= VALUE_LENGTH;
  }

  /** Returns the header for one message whose value is too small to carry the stamp. */
  public static Header header(long producerId, long sequence, long sendNanos) {
    byte[] value = new byte[LENGTH];
    putLong(value, 0, producerId);
    putLong(value, 8, sequence);
    putLong(value, 16, sendNanos);
    return new RecordHeader(HEADER, value);
  }

  /**
   * Writes the stamp over the first {@link #VALUE_LENGTH} bytes of {@code value}, which must be at
   * least that long.
   */
  public static void writeInto(byte[] value, long producerId, long sequence, long sendNanos) {
    if (value.length < VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "a value of " + value.length + " bytes cannot carry a stamp of " + VALUE_LENGTH);
    }
    putInt(value, 0, MAGIC);
    putLong(value, 4, producerId);
    putLong(value, 12, sequence);
    putLong(value, 20, sendNanos);
  }

  /**
   * Reads Ballast's stamp from a message's {@code value} or, failing that, its {@code headers} into
   * this holder; returns false (and leaves the holder unchanged) when the message was not produced
   * by Ballast.
   */
  public boolean read(byte[] value, Headers headers) {
    if (value != null && value.length >= VALUE_LENGTH && getInt(value, 0) == MAGIC) {
      producerId = getLong(value, 4);
      sequence = getLong(value, 12);
      sendNanos = getLong(value, 20);
      return true;
    }
    return read(headers);
  }

  /**
   * Reads Ballast's header from {@code headers} into this holder; returns false (and leaves the
   * holder unchanged) when there is none.
   */
  public boolean read(Headers headers) {
    for (Header header : headers) {
      byte[] value = header.value();
      if (value != null && value.length == LENGTH && HEADER.equals(header.key())) {
        producerId = getLong(value, 0);
        sequence = getLong(value, 8);
        sendNanos = getLong(value, 16);
        return true;
      }
    }
    return false;
  }

  /** Returns the producer id read last. */
  public long producerId() {
    return producerId;
  }

  /** Returns the sequence number read last. */
  public long sequence() {
    return sequence;
  }

  /** Returns the send time read last. */
  public long sendNanos() {
    return sendNanos;
  }

  private static void putLong(byte[] bytes, int at, long value) {
    LONGS.set(bytes, at, value);
  }

  private static void putInt(byte[] bytes, int at, int value) {
    INTS.set(bytes, at, value);
  }

  private static long getLong(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  private static int getInt(byte[] bytes, int at) {
    return (int) INTS.get(bytes, at);
  }
}
