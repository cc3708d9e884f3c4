package dev.ballast.app.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One producer run of {@code bench load}, parsed from the final line both tools print in
 * ProducerPerformance's format: records, records/s, MB/s, average, p50, p99 and max latency (ms).
 */
record LoadBenchRun(
    String tool,
    long records,
    double recordsPerSec,
    double mbPerSec,
    double avgLatencyMs,
    double p50Ms,
    double p99Ms,
    double maxLatencyMs,
    double cpuMicrosPerRecord) {

  /** Prefix of the line with the forked JVM's CPU time in nanoseconds. */
  static final String CPU_PREFIX = "process cpu ns: ";

  private static final Pattern FINAL =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, ([\\d.]+) ms 50th, ([\\d.]+) ms 95th,"
              + " ([\\d.]+) ms 99th, ([\\d.]+) ms 99.9th");

  /** Returns the run described by the last final line in {@code output}, or throws. */
  static LoadBenchRun parse(String tool, String output) {
    Matcher last = null;
    for (String line : output.split("\\R")) {
      Matcher m = FINAL.matcher(line);
      if (m.find() && !line.contains("steady state")) {
        last = m;
      }
    }
    long cpuNanos = -1;
    for (String line : output.split("\\R")) {
      if (line.startsWith(CPU_PREFIX)) {
        cpuNanos = Long.parseLong(line.substring(CPU_PREFIX.length()).trim());
      }
    }
    if (last == null) {
      throw new IllegalStateException(
          tool + " printed no final line; its output ended with: " + tail(output));
    }
    return new LoadBenchRun(
        tool,
        Long.parseLong(last.group(1)),
        Double.parseDouble(last.group(2)),
        Double.parseDouble(last.group(3)),
        Double.parseDouble(last.group(4)),
        Double.parseDouble(last.group(6)),
        Double.parseDouble(last.group(8)),
        Double.parseDouble(last.group(5)),
        cpuNanos < 0 ? -1 : cpuNanos / 1e3 / Long.parseLong(last.group(1)));
  }

  /** Returns a one-line description. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%-8s %,12.0f records/s  %7.2f MB/s  avg %7.2f ms  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms"
            + "  client CPU %.2f us/record",
        tool,
        recordsPerSec,
        mbPerSec,
        avgLatencyMs,
        p50Ms,
        p99Ms,
        maxLatencyMs,
        cpuMicrosPerRecord);
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() <= 400 ? trimmed : "..." + trimmed.substring(trimmed.length() - 400);
  }
}
