package dev.ballast.core.loop;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Decides what a loop does when its agent's step threw: stop, or continue after a back-off. */
@FunctionalInterface
public interface ErrorHandler {

  /** Returns what to do after {@code error}; a handler that throws stops the loop with that. */
  Decision onError(Throwable error);

  /** Returns a handler that stops the loop on the first error (the error is kept). */
  static ErrorHandler stopOnFirst() {
    return e -> Decision.STOP;
  }

  /** What the loop does after a failed step. */
  record Decision(boolean stops, long backoffNanos) {

    /** Stop the loop and keep the error as the one that stopped it. */
    public static final Decision STOP = new Decision(true, 0);

    /** Validates the back-off. */
    public Decision {
      if (backoffNanos < 0) {
        throw new IllegalArgumentException("backoffNanos must be >= 0, got " + backoffNanos);
      }
    }

    /** Returns a decision to go on with the next step after waiting {@code backoff}. */
    public static Decision continueAfter(Duration backoff) {
      return new Decision(/* stops= */ false, requireNonNull(backoff, "backoff").toNanos());
    }
  }
}
