package dev.ballast.workload.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations the way people write them: {@code 500ms}, {@code 60s}, {@code 5m}.
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private Durations() {}

  /** Returns the duration {@code text} means, or throws with an example of what works. */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher m = SIMPLE.matcher(trimmed);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double nanosPerUnit =
          switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
          };
      return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration; write a number and a unit: 500ms, 60s, 5m, 1h");
  }

  /** Returns {@code duration} in the shortest of those forms. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
