package dev.ballast.workload.message;

/** How messages get keys. */
public enum KeyKind {
  /** No key. */
  NONE,
  /** Keys 0..n-1 in turn. */
  ROUND_ROBIN,
  /** A uniformly random key among n. */
  RANDOM,
  /** One hot key for a fraction of the messages, a random other key for the rest. */
  HOT_KEY
}
