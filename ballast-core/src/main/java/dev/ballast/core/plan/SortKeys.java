package dev.ballast.core.plan;

/**
 * Packs a non-negative sort value and an int index into one long, so that index lists sort with
 * {@code Arrays.sort(long[])} (no boxing) and ties break by index, deterministically.
 */
final class SortKeys {

  private SortKeys() {}

  /** Returns a key that sorts larger {@code value} first, then smaller {@code index}. */
  static long descending(double value, int index) {
    int bits = Float.floatToIntBits((float) Math.max(0, value));
    return ((long) (Integer.MAX_VALUE - bits) << 32) | index;
  }

  /** Returns a key that sorts smaller {@code value} first, then smaller {@code index}. */
  static long ascending(double value, int index) {
    int bits = Float.floatToIntBits((float) Math.max(0, value));
    return ((long) bits << 32) | index;
  }

  /** Returns the value packed in a {@link #descending} key (as a float). */
  static float value(long key) {
    return Float.intBitsToFloat(Integer.MAX_VALUE - (int) (key >>> 32));
  }

  /** Returns the index packed in {@code key}. */
  static int index(long key) {
    return (int) key;
  }
}
