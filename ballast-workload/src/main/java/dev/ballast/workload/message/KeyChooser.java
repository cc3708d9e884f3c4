package dev.ballast.workload.message;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Chooses each message's key; keys are encoded once and reused. Not thread-safe. */
public final class KeyChooser {

  private final KeyKind kind;
  private final byte[][] keys;
  private final double hotFraction;
  private final SplittableRandom random;
  private int turn;

  /**
   * Creates a chooser of {@code kind} over {@code keyCount} keys; {@code hotFraction} of messages
   * get key 0 when the kind is {@link KeyKind#HOT_KEY}.
   */
  public KeyChooser(KeyKind kind, int keyCount, double hotFraction, long seed) {
    this.kind = requireNonNull(kind, "kind");
    if (kind != KeyKind.NONE && keyCount < 1) {
      throw new IllegalArgumentException("keyCount must be >= 1, got " + keyCount);
    }
    if (!(hotFraction >= 0 && hotFraction <= 1)) {
      throw new IllegalArgumentException("hotFraction must be in [0, 1], got " + hotFraction);
    }
    this.keys = new byte[kind == KeyKind.NONE ? 0 : keyCount][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ("key-" + i).getBytes(StandardCharsets.UTF_8);
    }
    this.hotFraction = hotFraction;
    this.random = new SplittableRandom(seed);
  }

  /** Returns a chooser that gives no keys. */
  public static KeyChooser none() {
    return new KeyChooser(KeyKind.NONE, 0, 0, 0);
  }

  /** Returns the next key, or null for none. */
  public byte[] next() {
    switch (kind) {
      case NONE:
        return null;
      case ROUND_ROBIN:
        byte[] key = keys[turn];
        turn = (turn + 1) % keys.length;
        return key;
      case RANDOM:
        return keys[random.nextInt(keys.length)];
      case HOT_KEY:
        if (keys.length == 1 || random.nextDouble() < hotFraction) {
          return keys[0];
        }
        return keys[1 + random.nextInt(keys.length - 1)];
      default:
        throw new IllegalStateException("unknown key kind " + kind);
    }
  }
}
