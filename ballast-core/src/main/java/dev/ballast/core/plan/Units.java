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
    return u == 0 ? Math.round(v) + " " + units[u] : oneDecimal(v) + " " + units[u];
  }

  /** Returns {@code value} of goal {@code goal} with its unit ("1.0 MiB/s", "1200 msg/s", "4"). */
  public static String of(Goal goal, double value) {
    return switch (goal) {
      case NETWORK_IN, NETWORK_OUT -> bytes(value) + "/s";
      case DISK -> bytes(value);
      case MESSAGES -> Math.round(value) + " msg/s";
      default -> Long.toString(Math.round(value));
    };
  }

  /** Returns {@code x} with one decimal ("1.5"), without the cost of String.format. */
  static String oneDecimal(double x) {
    long tenths = Math.round(Math.abs(x) * 10);
    return (x < 0 && tenths > 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
  }

  /** Returns {@code x} with two decimals. */
  public static String fixed2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
