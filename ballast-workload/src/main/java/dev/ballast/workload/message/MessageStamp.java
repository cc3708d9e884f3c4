package dev.ballast.workload.message;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The headers Ballast puts on every message, and a mutable holder to read them without allocating:
 * {@code bp} the producer id, {@code bs} the per-(producer, partition) sequence number, {@code bt}
 * the send time ({@link System#nanoTime()} of the sending host), each an 8-byte big-endian long.
 */
public final class MessageStamp {

  /** Header key of the producer id. */
  public static final String PRODUCER_ID = "bp";

  /** Header key of the per-(producer, partition) sequence number. */
  public static final String SEQUENCE = "bs";

  /** Header key of the send time in nanoseconds. */
  public static final String SEND_NANOS = "bt";

  private long producerId;
  private long sequence;
  private long sendNanos;

  /** Returns the three headers for one message. */
  public static Header[] headers(long producerId, long sequence, long sendNanos) {
    return new Header[] {
      new RecordHeader(PRODUCER_ID, encode(producerId)),
      new RecordHeader(SEQUENCE, encode(sequence)),
      new RecordHeader(SEND_NANOS, encode(sendNanos))
    };
  }

  /**
   * Reads Ballast's headers from {@code headers} into this holder; returns false (and leaves the
   * holder unchanged) when the message was not produced by Ballast.
   */
  public boolean read(Headers headers) {
    long p = 0;
    long s = 0;
    long t = 0;
    int found = 0;
    for (Header header : headers) {
      byte[] value = header.value();
      if (value == null || value.length != Long.BYTES) {
        continue;
      }
      switch (header.key()) {
        case PRODUCER_ID -> {
          p = decode(value);
          found |= 1;
        }
        case SEQUENCE -> {
          s = decode(value);
          found |= 2;
        }
        case SEND_NANOS -> {
          t = decode(value);
          found |= 4;
        }
        default -> {}
      }
    }
    if (found != 7) {
      return false;
    }
    producerId = p;
    sequence = s;
    sendNanos = t;
    return true;
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

  static byte[] encode(long value) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return bytes;
  }

  static long decode(byte[] bytes) {
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }
}
