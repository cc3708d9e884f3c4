package dev.ballast.core.doctor;

import dev.ballast.core.plan.Units;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small text helpers shared by the rules, so evidence reads the same everywhere. */
final class Texts {

  private Texts() {}

  /** Returns the values joined with commas ("1,2,3"). */
  static String join(Collection<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** Returns the first {@code max} lines and, when more, a line saying how many were left out. */
  static List<String> sample(List<String> lines, int max) {
    if (lines.size() <= max) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.subList(0, max));
    out.add("... and " + (lines.size() - max) + " more");
    return out;
  }

  /** Returns a rate in binary units ("12.5 MiB/s"). */
  static String rate(double bytesPerSec) {
    return Units.bytes(bytesPerSec) + "/s";
  }

  /** Returns a fraction as a whole percentage ("85%"). */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  /** Returns {@code x} with two decimals. */
  static String fixed2(double x) {
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
