package dev.ballast.app.doctor;

import dev.ballast.app.cli.UserException;
import dev.ballast.workload.spec.ByteSizes;

/** Parses byte rates given on the command line: "125000000", "100MiB", "1.5GB" (per second). */
final class ByteRates {

  private ByteRates() {}

  /** Returns {@code text} in bytes/s, or a user error naming {@code option}. */
  static long parse(String text, String option) {
    long value;
    try {
      value = ByteSizes.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserException(
          option + " takes bytes per second, e.g. 125000000, 100MiB or 1.5GB, not '" + text + "'");
    }
    if (value < 1) {
      throw new UserException(option + " must be at least 1 byte/s, not '" + text + "'");
    }
    return value;
  }
}
