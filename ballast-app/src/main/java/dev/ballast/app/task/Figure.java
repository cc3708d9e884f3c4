package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

/**
 * A key figure of a run (catch-up MB/s, leader-recovery seconds, p99), kept in the index's trend
 * across rounds, charted, and exported as a metric.
 *
 * @param name a short stable name, lower-case with dashes ({@code catch-up-mb-per-s}); the trend
 *     and the metric are keyed by task and name
 * @param value the measured value
 * @param unit the unit shown next to it ({@code MB/s}, {@code s}, {@code ms})
 */
public record Figure(String name, double value, String unit) {

  /** Validates. */
  public Figure {
    requireNonNull(name, "name");
    requireNonNull(unit, "unit");
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "figure name must be lower-case letters, digits and dashes, got '" + name + "'");
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("figure " + name + " must be finite, got " + value);
    }
  }
}
