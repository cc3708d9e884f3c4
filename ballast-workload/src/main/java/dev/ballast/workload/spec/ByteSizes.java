package dev.ballast.workload.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses byte sizes and rates the way people write them: {@code 125000000}, {@code 10MB}, {@code
 * 100MiB}, {@code 1.5GB}, optionally ending in {@code /s}. The one parser for sizes, on the command
 * line and in YAML alike; decimal units are powers of 1000, binary ones of 1024.
 */
public final class ByteSizes {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(|b|kb|mb|gb|tb|kib|mib|gib|tib)(?:/s)?");

  private ByteSizes() {}

  /** Returns the bytes {@code text} means (0 allowed), or throws with examples of what works. */
  public static long parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIZE.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a size; write bytes or a number and a unit: 125000000, 10MB,"
              + " 100MiB, 1.5GB");
    }
    long unit =
        switch (m.group(2)) {
          case "kb" -> 1000L;
          case "mb" -> 1000_000L;
          case "gb" -> 1000_000_000L;
          case "tb" -> 1000_000_000_000L;
          case "kib" -> 1L << 10;
          case "mib" -> 1L << 20;
          case "gib" -> 1L << 30;
          case "tib" -> 1L << 40;
          default -> 1L;
        };
    BigDecimal bytes =
        new BigDecimal(m.group(1))
            .multiply(BigDecimal.valueOf(unit))
            .setScale(0, RoundingMode.HALF_UP);
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too large a size");
    }
    return bytes.longValueExact();
  }
}
