package dev.ballast.embedded;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling; fails fast when a check says it never will. */
final class Conditions {

  private Conditions() {}

  /**
   * Returns when {@code condition} holds; runs {@code check} before every poll (it throws to give
   * up early) and throws {@link EmbeddedClusterException} naming {@code what} after {@code
   * timeout}.
   */
  static void await(String what, Duration timeout, BooleanSupplier condition, Runnable check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = Duration.ofMillis(20).toNanos();
    while (true) {
      check.run();
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new EmbeddedClusterException(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, Duration.ofMillis(200).toNanos());
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new EmbeddedClusterException("interrupted while waiting for " + what);
      }
    }
  }
}
