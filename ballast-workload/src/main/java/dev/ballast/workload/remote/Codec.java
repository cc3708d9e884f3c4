package dev.ballast.workload.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ballast.workload.continuity.IntervalSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Encodes and decodes the protocol's messages (JSON), histograms (HdrHistogram's compressed form,
 * base64, as OMB sends them) and interval sets (flat {@code [from, to, ...]} ranges). Pure.
 */
public final class Codec {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Codec() {}

  /** Returns {@code message} as JSON bytes. */
  public static byte[] encode(Object message) {
    try {
      return JSON.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName(), e);
    }
  }

  /** Returns the message of {@code type} in {@code bytes}; throws with what was wrong. */
  public static <T> T decode(byte[] bytes, Class<T> type) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Returns {@code histogram} compressed and in base64. */
  public static String encodeHistogram(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer); // default level, as OMB
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /** Returns the histogram in {@code base64}, as written by {@link #encodeHistogram}. */
  public static Histogram decodeHistogram(String base64) {
    try {
      Histogram h =
          Histogram.decodeFromCompressedByteBuffer(
              ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
      h.setAutoResize(true);
      return h;
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a valid compressed histogram: " + e.getMessage(), e);
    }
  }

  /** Returns {@code set} as flat {@code [from, to, from, to, ...]} ranges. */
  public static long[] ranges(IntervalSet set) {
    long[] flat = new long[set.rangeCount() * 2];
    int i = 0;
    for (IntervalSet.Range r : set.ranges()) {
      flat[i++] = r.from();
      flat[i++] = r.to();
    }
    return flat;
  }

  /** Returns the set of the flat ranges {@code flat}. */
  public static IntervalSet intervalSet(long[] flat) {
    if (flat.length % 2 != 0) {
      throw new IllegalArgumentException("ranges need an even count of bounds, got " + flat.length);
    }
    IntervalSet set = new IntervalSet();
    for (int i = 0; i < flat.length; i += 2) {
      set.addRange(flat[i], flat[i + 1]);
    }
    return set;
  }
}
