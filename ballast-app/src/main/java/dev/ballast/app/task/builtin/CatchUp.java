package dev.ballast.app.task.builtin;

import dev.ballast.app.task.ObservationKey;
import java.time.Duration;

/**
 * What a catch-up read measured.
 *
 * @param backlogMessages the messages acknowledged before the read started
 * @param backlogBytes their bytes
 * @param buildSeconds how long building the backlog took
 * @param readSeconds how long the fresh group took to read it (or read until it stopped)
 * @param finished whether the group read to the end of the log before the deadline
 * @param deadline the deadline
 */
public record CatchUp(
    long backlogMessages,
    long backlogBytes,
    double buildSeconds,
    double readSeconds,
    boolean finished,
    Duration deadline) {

  /** The key the task records it under. */
  public static final ObservationKey<CatchUp> KEY = ObservationKey.of("catch-up", CatchUp.class);

  /** Returns the read rate in MB/s (10^6 bytes), 0 when nothing was timed. */
  public double megabytesPerSecond() {
    return readSeconds <= 0 ? 0 : backlogBytes / 1e6 / readSeconds;
  }

  /** Returns the read rate in records/s, 0 when nothing was timed. */
  public double recordsPerSecond() {
    return readSeconds <= 0 ? 0 : backlogMessages / readSeconds;
  }
}
