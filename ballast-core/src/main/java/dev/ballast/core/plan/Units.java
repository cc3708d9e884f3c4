package dev.ballast.core.plan;

import java.util.Locale;

/** Formats figures for people: bytes in binary units, rates, counts. */
public final class Units {

  private Units() {}

  /** Returns {@code bytes} as "1.5 GiB", "300 B". */
  public static String bytes(double bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0
        ? String.format(Locale.ROOT, "%.0f %s", v, units[u])
        : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** Returns {@code value} of goal {@code goal} with its unit ("1.0 MiB/s", "1200 msg/s", "4"). */
  public static String of(Goal goal, double value) {
    return switch (goal) {
      case NETWORK_IN, NETWORK_OUT -> bytes(value) + "/s";
      case DISK -> bytes(value);
      case MESSAGES -> String.format(Locale.ROOT, "%.0f msg/s", value);
      default -> String.format(Locale.ROOT, "%.0f", value);
    };
  }

  /** Returns {@code x} with two decimals. */
  public static String fixed2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
