package dev.ballast.app.scenario;

import dev.ballast.app.balance.ConsoleListener;
import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Judging;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.LoadVector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes a run's results folder: {@code before-balancing.md}, {@code after-balancing.md}, {@code
 * metrics-comparison.md}, {@code summary.json} (the seed's ExperimentResults shape plus verdicts),
 * {@code timeseries.csv} and {@code charts/*.png}, all read from the run's {@link TaskResult}; and
 * records what the files show for the file checks ({@link ReportChecks}).
 */
final class ReportWriter {

  static final List<String> FILES =
      List.of(
          "before-balancing.md",
          "after-balancing.md",
          "metrics-comparison.md",
          "summary.json",
          "timeseries.csv",
          "experiment.log");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ReportWriter() {}

  /**
   * Judges what {@code observed} holds with {@code checkers}, writes every file of the run into
   * {@code dir}, records what the written files show (the charts, the files missing) for the file
   * checkers, and returns the run judged with them; logs where the reports are and the verdict. A
   * file that cannot be written is not an exception: the file checks FAIL and say why.
   */
  static ScenarioResult report(
      ScenarioObservations observed,
      ScenarioSpec spec,
      Path dir,
      List<Checker> checkers,
      ExperimentLog log) {
    ScenarioResult written = new ScenarioResult(write(observed, spec, dir, checkers));
    log.line("results: " + dir.toAbsolutePath());
    log.line(written.verdict());
    return written;
  }

  /**
   * Writes every file of the run {@code observed} holds and returns it judged by {@code checkers}.
   */
  static TaskResult write(
      ScenarioObservations observed, ScenarioSpec spec, Path dir, List<Checker> checkers) {
    Map<String, String> failed = new LinkedHashMap<>();
    TaskResult r = judge(observed.run(spec), checkers, dir);
    ScenarioResult view = new ScenarioResult(r);
    observed.put(ScenarioKeys.CHARTS, charts(r, dir));
    write(dir, "timeseries.csv", () -> csv(view.timeline()), failed);
    write(dir, "before-balancing.md", () -> state("Before balancing", view, true), failed);
    write(dir, "after-balancing.md", () -> state("After balancing", view, false), failed);
    write(dir, "metrics-comparison.md", () -> comparison(view), failed);
    TaskResult withCharts = judge(observed.run(spec), checkers, dir);
    write(dir, "summary.json", () -> SummaryJson.of(withCharts), failed);
    List<String> missing = new ArrayList<>();
    for (String f : FILES) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        missing.add(failed.containsKey(f) ? f + " (" + failed.get(f) + ")" : f);
      }
    }
    observed.put(ScenarioKeys.RESULT_FILES, new ScenarioKeys.FileProblems(FILES, missing));
    TaskResult done = judge(observed.run(spec), checkers, dir);
    write(dir, "summary.json", () -> SummaryJson.of(done), failed);
    write(dir, "metrics-comparison.md", () -> comparison(new ScenarioResult(done)), failed);
    return done;
  }

  /** The text of a report file; may fail. */
  private interface Text {
    String get() throws IOException;
  }

  /** Writes {@code file} in {@code dir}; a failure is put in {@code failed} (file to reason). */
  private static void write(Path dir, String file, Text text, Map<String, String> failed) {
    try {
      Files.writeString(dir.resolve(file), text.get());
    } catch (IOException | RuntimeException e) {
      failed.put(file, "cannot write: " + e);
    }
  }

  /** Renders the charts of {@code r} and returns which are there and which are not valid PNGs. */
  private static ScenarioKeys.Charts charts(TaskResult r, Path dir) {
    List<String> files = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    try {
      for (Path c : ChartRenderer.render(r, dir.resolve("charts"))) {
        String name = dir.relativize(c).toString();
        files.add(name);
        if (!isPng(c)) {
          bad.add(name);
        }
      }
    } catch (IOException | RuntimeException e) {
      for (ChartRenderer.Spec c : ChartRenderer.CHARTS) {
        String name = "charts/" + c.file() + ".png";
        if (!files.contains(name)) {
          files.add(name);
          bad.add(name + " (cannot write: " + e + ")");
        }
      }
    }
    return new ScenarioKeys.Charts(files, bad);
  }

  /** Returns {@code run} judged by {@code checkers}, as the task runner judges it. */
  static TaskResult judge(RecordedRun run, List<Checker> checkers, Path dir) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Checker c : checkers) {
      verdicts.addAll(Judging.judge(c, run));
    }
    return new TaskResult(run, verdicts, TaskResult.outcomeOf(verdicts), dir);
  }

  static boolean isPng(Path p) throws IOException {
    if (!Files.isRegularFile(p) || Files.size(p) < 1000) {
      return false;
    }
    try (InputStream in = Files.newInputStream(p)) {
      return Arrays.equals(in.readNBytes(8), PNG);
    }
  }

  private static String csv(List<TimelinePoint> timeline) {
    StringBuilder sb =
        new StringBuilder(
            "seconds,broker,replicas,leaders,bytes_in_per_sec,bytes_out_per_sec,messages_in_per_sec,canary_ms,produce_p99_ms\n");
    for (TimelinePoint p : timeline) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%.2f,%d,%d,%d,%.1f,%.1f,%.1f,%s,%s%n",
              p.seconds(),
              p.broker(),
              p.replicas(),
              p.leaders(),
              p.bytesInPerSec(),
              p.bytesOutPerSec(),
              p.messagesPerSec(),
              num(p.canaryMs()),
              num(p.produceP99Ms())));
    }
    return sb.toString();
  }

  private static String num(double d) {
    return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String state(String title, ScenarioResult r, boolean before) {
    ClusterModel m = before ? r.before() : r.after();
    StringBuilder sb =
        new StringBuilder(
            "# " + title + ": " + r.spec().name() + "\n\n" + r.spec().title() + "\n\n");
    if (m == null) {
      return sb.append("No sample was taken.\n").toString();
    }
    Map<Integer, LoadVector> loads = BrokerLoads.of(m);
    sb.append(
        "| broker | state | partitions | leaders | bytes in/s | bytes out/s | messages/s | canary p99 |\n|---|---|---|---|---|---|---|---|\n");
    for (Broker b : m.brokers()) {
      LoadVector l = loads.get(b.id());
      sb.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %d | %d | %s | %s | %.0f | %s |%n",
              b.id(),
              b.state().label(),
              (long) l.replicas(),
              (long) l.leaders(),
              ConsoleListener.bytes((long) l.networkIn()),
              ConsoleListener.bytes((long) l.networkOut()),
              l.messages(),
              canaryP99(r, b.id(), before)));
    }
    sb.append(
        "\n## Placement\n\n| topic | partition | leader | replicas | ISR | messages/s | bytes in/s |\n|---|---|---|---|---|---|---|\n");
    for (Partition p : m.partitions()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %s | %s | %.0f | %s |%n",
              p.topic(),
              p.partition(),
              p.leader(),
              p.replicas(),
              p.isr(),
              p.load().messagesInPerSec(),
              ConsoleListener.bytes((long) p.load().bytesInPerSec())));
    }
    return sb.toString();
  }

  private static String canaryP99(ScenarioResult r, int broker, boolean before) {
    double cut =
        before && !r.executionStarts().isEmpty() ? r.executionStarts().get(0) : Double.MAX_VALUE;
    double from =
        before
            ? Double.NEGATIVE_INFINITY
            : r.timeline().isEmpty() ? 0 : r.timeline().get(r.timeline().size() - 1).seconds() - 10;
    double[] values =
        r.timeline().stream()
            .filter(p -> p.broker() == broker && p.seconds() < cut && p.seconds() >= from)
            .mapToDouble(TimelinePoint::canaryMs)
            .filter(d -> !Double.isNaN(d))
            .sorted()
            .toArray();
    if (values.length == 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.0f ms",
        values[(int) Math.min(values.length - 1, Math.ceil(values.length * 0.99) - 1)]);
  }

  private static String comparison(ScenarioResult r) {
    StringBuilder sb =
        new StringBuilder(
            "# Metrics comparison: " + r.spec().name() + "\n\n" + r.spec().title() + "\n\n");
    sb.append(
        "| metric | std dev before | std dev after | max/mean before | max/mean after | improvement |\n|---|---|---|---|---|---|\n");
    for (var m : metrics()) {
      double sdB = stdDev(r.before(), m.getValue());
      double sdA = stdDev(r.after(), m.getValue());
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.2f | %.2f | %s |%n",
              m.getKey(),
              sdB,
              sdA,
              maxOverMean(r.before(), m.getValue()),
              maxOverMean(r.after(), m.getValue()),
              improvement(sdB, sdA)));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%n- convergence: %s%n- executions: %d (%d replica moves, %d leadership changes, %s moved)%n",
            r.convergenceSeconds() == null
                ? "not reached"
                : String.format(Locale.ROOT, "%.1f s after the trigger", r.convergenceSeconds()),
            r.executionStarts().size(),
            r.moves(),
            r.leaderChanges(),
            ConsoleListener.bytes(r.bytesMoved())));
    if (r.workload() != null && !r.workload().groups().isEmpty()) {
      sb.append("- continuity: ")
          .append(r.workload().groups().get(0).verdict().describe())
          .append('\n');
      sb.append(
          String.format(
              Locale.ROOT,
              "- produce latency (from intended send): %s%n",
              r.workload().latencyFromIntended().describeMillis()));
    }
    r.phaseSeconds()
        .forEach((k, v) -> sb.append(String.format(Locale.ROOT, "- phase %s: %.1f s%n", k, v)));
    sb.append("\n## Checks\n\n| check | verdict | evidence |\n|---|---|---|\n");
    r.checks()
        .forEach(
            c ->
                sb.append("| ")
                    .append(c.summary())
                    .append(" | ")
                    .append(c.outcome())
                    .append(" | ")
                    .append(c.evidence())
                    .append(" |\n"));
    if (r.error() != null) {
      sb.append("\nThe run stopped early: ").append(r.error()).append('\n');
    }
    sb.append("\n## Anomalies\n\n");
    r.anomalies().forEach(a -> sb.append("- ").append(a).append('\n'));
    return sb.toString();
  }

  private static String improvement(double before, double after) {
    return before <= 0
        ? "-"
        : String.format(Locale.ROOT, "%.0f%%", (before - after) / before * 100);
  }

  private static List<Map.Entry<String, ToDoubleFunction<LoadVector>>> metrics() {
    return List.of(
        Map.entry("bytes in/s", LoadVector::networkIn),
        Map.entry("bytes out/s", LoadVector::networkOut),
        Map.entry("messages in/s", LoadVector::messages),
        Map.entry("partitions", LoadVector::replicas),
        Map.entry("leaders", LoadVector::leaders));
  }

  private static double[] values(ClusterModel m, ToDoubleFunction<LoadVector> f) {
    if (m == null) {
      return new double[0];
    }
    Map<Integer, LoadVector> loads = BrokerLoads.of(m);
    return m.brokers().stream()
        .filter(b -> b.state().canReceive() || b.state() == dev.ballast.core.model.BrokerState.SLOW)
        .mapToDouble(b -> f.applyAsDouble(loads.get(b.id())))
        .toArray();
  }

  static double stdDev(ClusterModel m, ToDoubleFunction<LoadVector> f) {
    double[] v = values(m, f);
    if (v.length == 0) {
      return 0;
    }
    double mean = Arrays.stream(v).average().orElse(0);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length);
  }

  static double maxOverMean(ClusterModel m, ToDoubleFunction<LoadVector> f) {
    double[] v = values(m, f);
    double mean = Arrays.stream(v).average().orElse(0);
    return mean <= 0 ? 0 : Arrays.stream(v).max().orElse(0) / mean;
  }

  /** Writes the index of several runs ({@code results/latest/README.md}). */
  static void writeIndex(Path root, List<ScenarioResult> results) throws IOException {
    Path latest = root.resolve("latest");
    Files.createDirectories(latest);
    StringBuilder sb =
        new StringBuilder(
            "# Ballast demo: latest run\n\n| scenario | verdict | convergence | moves | bytes moved | results |\n|---|---|---|---|---|---|\n");
    for (ScenarioResult r : results) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %s | [%s](../%s/metrics-comparison.md) |%n",
              r.spec().name(),
              r.verdict(),
              r.convergenceSeconds() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f s", r.convergenceSeconds()),
              r.moves() + r.leaderChanges(),
              ConsoleListener.bytes(r.bytesMoved()),
              r.dir().getFileName(),
              r.dir().getFileName()));
    }
    Files.writeString(latest.resolve("README.md"), sb.toString(), StandardCharsets.UTF_8);
  }
}
