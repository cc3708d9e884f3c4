package dev.ballast.app.doctor;

import dev.ballast.app.cli.UserException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte rates given on the command line: "125000000", "100MiB", "1.5GB" (per second). */
final class ByteRates {

  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(|b|kb|mb|gb|kib|mib|gib)(?:/s)?");

  private ByteRates() {}

  /** Returns {@code text} in bytes/s, or a user error naming {@code option}. */
  static long parse(String text, String option) {
    Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserException(
          option + " takes bytes per second, e.g. 125000000, 100MiB or 1.5GB, not '" + text + "'");
    }
    double unit =
        switch (m.group(2)) {
          case "kb" -> 1e3;
          case "mb" -> 1e6;
          case "gb" -> 1e9;
          case "kib" -> 1024;
          case "mib" -> 1024 * 1024;
          case "gib" -> 1024.0 * 1024 * 1024;
          default -> 1;
        };
    long value = Math.round(Double.parseDouble(m.group(1)) * unit);
    if (value < 1) {
      throw new UserException(option + " must be at least 1 byte/s, not '" + text + "'");
    }
    return value;
  }
}
