package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Incident;
import java.util.List;
import java.util.stream.Collectors;

/** The lines every rendered fix starts with, so each file says which incidents it answers. */
final class Headers {

  private Headers() {}

  /** Appends one line per incident ("id (severity): signal"), each after {@code prefix}. */
  static void incidents(StringBuilder sb, Diagnosis d, String prefix) {
    sb.append(prefix)
        .append("Cluster: ")
        .append(d.brokers())
        .append(" broker(s), ")
        .append(d.partitions())
        .append(" partition(s); ")
        .append(d.incidents().size())
        .append(" incident(s)")
        .append(d.incidents().isEmpty() ? "." : ":")
        .append("\n");
    for (Incident i : d.incidents()) {
      sb.append(prefix)
          .append("  ")
          .append(i.id())
          .append(" (")
          .append(i.severity().label())
          .append("): ")
          .append(i.signal())
          .append("\n");
    }
  }

  /** Returns broker ids joined with commas. */
  static String ids(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
