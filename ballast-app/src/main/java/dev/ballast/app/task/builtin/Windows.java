package dev.ballast.app.task.builtin;

import dev.ballast.app.task.ObservationKey;
import java.util.List;

/**
 * The windows of a steady load and what they were judged against.
 *
 * @param windows each full window, in order
 * @param targetPerSecond the target rate
 * @param tolerance the allowed distance from the target, as a fraction
 * @param p99LimitMillis the highest allowed produce p99
 */
public record Windows(
    List<Window> windows, double targetPerSecond, double tolerance, double p99LimitMillis) {

  /** The key tasks record it under. */
  public static final ObservationKey<Windows> KEY = ObservationKey.of("windows", Windows.class);

  /** Copies. */
  public Windows {
    windows = List.copyOf(windows);
  }
}
