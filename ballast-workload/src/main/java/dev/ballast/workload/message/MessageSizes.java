package dev.ballast.workload.message;

import java.util.Random;
import java.util.SplittableRandom;

/** Chooses each message's payload size: fixed, or drawn from a distribution with a fixed seed. */
public interface MessageSizes {

  /** Returns the size in bytes of the next message. */
  int next();

  /** Returns the largest size this source can return. */
  int max();

  /** Returns the mean size, for converting bytes/s to messages/s. */
  double mean();

  /** Returns a source that always returns {@code bytes}. */
  static MessageSizes fixed(int bytes) {
    requireSize(bytes, "size");
    return new MessageSizes() {
      @Override
      public int next() {
        return bytes;
      }

      @Override
      public int max() {
        return bytes;
      }

      @Override
      public double mean() {
        return bytes;
      }
    };
  }

  /** Returns a source uniform in {@code [min, max]}, seeded with {@code seed}. */
  static MessageSizes uniform(int min, int max, long seed) {
    requireSize(min, "min");
    if (max < min) {
      throw new IllegalArgumentException("max must be >= min, got " + min + ".." + max);
    }
    SplittableRandom random = new SplittableRandom(seed);
    return new MessageSizes() {
      @Override
      public int next() {
        return random.nextInt(min, max + 1);
      }

      @Override
      public int max() {
        return max;
      }

      @Override
      public double mean() {
        return (min + (double) max) / 2;
      }
    };
  }

  /**
   * Returns a source normally distributed around {@code mean} with {@code stddev}, clamped to
   * {@code [min, max]}, seeded with {@code seed}.
   */
  static MessageSizes normal(double mean, double stddev, int min, int max, long seed) {
    requireSize(min, "min");
    if (max < min || mean < min || mean > max || stddev < 0) {
      throw new IllegalArgumentException(
          "need min <= mean <= max and stddev >= 0, got min "
              + min
              + ", mean "
              + mean
              + ", max "
              + max
              + ", stddev "
              + stddev);
    }
    Random random = new Random(seed);
    return new MessageSizes() {
      @Override
      public int next() {
        long size = Math.round(mean + stddev * random.nextGaussian());
        return (int) Math.max(min, Math.min(max, size));
      }

      @Override
      public int max() {
        return max;
      }

      @Override
      public double mean() {
        return mean;
      }
    };
  }

  private static void requireSize(int bytes, String what) {
    if (bytes < 0) {
      throw new IllegalArgumentException(what + " must be >= 0 bytes, got " + bytes);
    }
  }
}
