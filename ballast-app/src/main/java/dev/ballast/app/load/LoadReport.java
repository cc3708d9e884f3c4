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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A load command's final output: the verdict (CLEAN, VIOLATED, or INCONCLUSIVE when a consumer
 * group read nothing, with the reasons), the human summary, and the JSON for {@code --json} and the
 * results file. Latencies in the JSON are nanoseconds.
 */
record LoadReport(
    boolean clean, String verdict, List<String> reasons, String cluster, WorkloadResult result) {

  /** Exit code of a run whose verdict is INCONCLUSIVE: nothing was consumed, nothing proven. */
  static final int INCONCLUSIVE_EXIT = 5;

  /**
   * Returns the report of {@code result}; a group that consumed nothing makes it INCONCLUSIVE (no
   * data is never CLEAN), naming the topic when it is in {@code missingTopics}.
   */
  static LoadReport of(String cluster, WorkloadResult result, Set<String> missingTopics) {
    List<String> reasons = new ArrayList<>();
    for (GroupResult g : result.groups()) {
      if (g.verdict().consumed() == 0) {
        reasons.add(
            "group "
                + g.group()
                + " consumed nothing from "
                + g.topic()
                + (missingTopics.contains(g.topic())
                    ? " (the topic does not exist)"
                    : " (is anything producing to it?)"));
      }
    }
    String verdict = !result.clean() ? "VIOLATED" : reasons.isEmpty() ? "CLEAN" : "INCONCLUSIVE";
    return new LoadReport(verdict.equals("CLEAN"), verdict, reasons, cluster, result);
  }

  /** Returns the exit code: 0 clean (or unchecked), 1 violated, 5 inconclusive. */
  int exitCode() {
    return switch (verdict) {
      case "VIOLATED" -> 1;
      case "INCONCLUSIVE" -> INCONCLUSIVE_EXIT;
      default -> 0;
    };
  }

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
          g.group(),
          g.topic(),
          g.consumers(),
          g.verdict().consumed() == 0 && g.verdict().clean()
              ? "INCONCLUSIVE: consumed nothing"
              : g.verdict().describe());
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
            : "continuity: "
                + verdict
                + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"));
    out.flush();
  }

  private static void latency(PrintWriter out, String label, LatencySummary s) {
    if (s.count() > 0) {
      out.printf("%-28s %s (%d samples)%n", label + ":", s.describeMillis(), s.count());
    }
  }
}
