package dev.ballast.workload.message;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Payload bytes for messages: random printable bytes generated once. A message of the largest size
 * reuses one array, which the caller may overwrite in part (the producer writes its stamp there;
 * the Kafka client copies the value into its batch during {@code send}); other sizes are copied
 * from it.
 */
public final class Payloads {

  private final byte[] full;

  /** Creates payloads up to {@code maxBytes} long, from {@code seed}. */
  public Payloads(int maxBytes, long seed) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
    }
    SplittableRandom random = new SplittableRandom(seed);
    full = new byte[maxBytes];
    for (int i = 0; i < maxBytes; i++) {
      full[i] = (byte) ('A' + random.nextInt(26));
    }
  }

  /** Returns a payload of {@code bytes} bytes, which must not exceed the maximum. */
  public byte[] of(int bytes) {
    if (bytes == full.length) {
      return full;
    }
    return Arrays.copyOf(full, bytes);
  }
}
