package dev.ballast.app.task;

/**
 * What one step of a phase reports to the runner: the phase is done, or it wants to be called again
 * within {@code nanosUntilNext}.
 *
 * @param done whether the phase has finished
 * @param nanosUntilNext the longest the runner may wait before the next step (ignored when done)
 */
public record Progress(boolean done, long nanosUntilNext) {

  /** The phase has finished; the runner moves on to the next one. */
  public static final Progress DONE = new Progress(true, 0);

  /** Validates. */
  public Progress {
    if (nanosUntilNext < 0) {
      throw new IllegalArgumentException("nanosUntilNext must be >= 0, got " + nanosUntilNext);
    }
  }

  /** Returns "not done; call again within {@code nanos} ns". */
  public static Progress again(long nanos) {
    return new Progress(false, nanos);
  }

  /** Returns "not done; call again within {@code duration}". */
  public static Progress again(java.time.Duration duration) {
    return again(duration.toNanos());
  }
}
