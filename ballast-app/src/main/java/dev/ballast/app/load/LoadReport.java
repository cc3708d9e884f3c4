package dev.ballast.app.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.WorkloadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A load command's final output: the human summary, and the JSON for {@code --json} and the results
 * file. Latencies in the JSON are nanoseconds.
 */
record LoadReport(boolean clean, String cluster, WorkloadResult result) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Returns the report as JSON. */
  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the JSON to {@code file}, creating its directory. */
  void write(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(file, toJson() + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write results file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Prints the human summary. */
  void print(PrintWriter out) {
    WorkloadResult r = result;
    if (r.sent() == 0 && !r.groups().isEmpty()) {
      out.printf(
          "%d records consumed in %.1f s: %.1f records/sec%n",
          r.consumed(), r.measuredSeconds(), r.consumed() / Math.max(1e-9, r.measuredSeconds()));
    } else {
      printProduced(out, r);
    }
    printRest(out, r);
  }

  private static void printProduced(PrintWriter out, WorkloadResult r) {
    out.printf(
        "%d records sent, %d acked, %d failed in %.1f s measured: %.1f records/sec%s (%.2f MB/sec)%n",
        r.sent(),
        r.acked(),
        r.failed(),
        r.measuredSeconds(),
        r.achievedMessagesPerSecond(),
        r.targetMessagesPerSecond() == null
            ? ""
            : String.format(
                " of %.0f target (%+.2f%%)",
                r.targetMessagesPerSecond(),
                100 * (r.achievedMessagesPerSecond() / r.targetMessagesPerSecond() - 1)),
        r.achievedMibPerSecond());
  }

  private void printRest(PrintWriter out, WorkloadResult r) {
    latency(out, "latency from intended send", r.latencyFromIntended());
    latency(out, "latency from send call", r.latencyFromSend());
    latency(out, "schedule delay", r.scheduleDelay());
    latency(out, "end to end (same host)", r.endToEnd());
    for (GroupResult g : r.groups()) {
      out.printf(
          "group %s on %s (%d consumer(s)): %s%n",
          g.group(), g.topic(), g.consumers(), g.verdict().describe());
      if (g.backlog() >= 0) {
        out.printf(
            "  catch-up read: backlog %d messages, %s%n",
            g.backlog(),
            g.drainMillis() < 0
                ? "NOT drained"
                : String.format("drained in %.2f s", g.drainMillis() / 1000));
      }
      g.verdict().lostSamples().forEach(s -> out.println("  lost: " + s));
    }
    r.errors().forEach(e -> out.println("warning: " + e));
    out.println(
        r.groups().isEmpty()
            ? "continuity: not checked (no consumers)"
            : "continuity: " + (clean ? "CLEAN" : "VIOLATED"));
    out.flush();
  }

  private static void latency(PrintWriter out, String label, LatencySummary s) {
    if (s.count() > 0) {
      out.printf("%-28s %s (%d samples)%n", label + ":", s.describeMillis(), s.count());
    }
  }
}
