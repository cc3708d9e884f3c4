package dev.ballast.workload.spec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations the way people write them: {@code 500ms}, {@code 1.5s}, {@code 5m},
 * {@code 1h}; a bare number is seconds. The one parser for durations, on the command line and in
 * YAML alike.
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
  private static final Duration MAX = Duration.ofDays(365L * 100);

  private Durations() {}

  /** Returns the duration {@code text} means, or throws with an example of what works. */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher m = SIMPLE.matcher(trimmed);
    if (m.matches()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      long nanosPerUnit =
          switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
      if (nanos.compareTo(BigDecimal.valueOf(MAX.toNanos())) > 0) {
        throw new IllegalArgumentException(
            "'" + text + "' is too long a duration (at most 100 years)");
      }
      return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        Duration d = Duration.parse(trimmed);
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException | ArithmeticException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration; write a number and a unit: 500ms, 1.5s, 5m, 1h");
  }

  /** Returns the duration {@code text} means, refusing zero: for timeouts, intervals, periods. */
  public static Duration parsePositive(String text) {
    Duration d = parse(text);
    if (d.isZero()) {
      throw new IllegalArgumentException(
          "'" + text + "' must be longer than 0, e.g. 500ms, 10s or 2m");
    }
    return d;
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
