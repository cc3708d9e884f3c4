package dev.ballast.app.marathon;

import dev.ballast.app.scenario.ChartRenderer;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The marathon folder's {@code README.md}: pass rate per task, the latest runs, and the trend of
 * each key figure across rounds with a PNG chart per figure. Built from the runs' {@code
 * summary.json} files, so a restarted marathon continues it.
 */
final class MarathonIndex {

  /** A run folder's name: {@code <round>-<task>}. */
  static final Pattern RUN_DIR = Pattern.compile("(\\d+)-(.+)");

  private MarathonIndex() {}

  /** Returns the highest round with a run folder in {@code dir}, 0 when none. */
  static int lastRound(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int last = 0;
    try (Stream<Path> runs = Files.list(dir)) {
      for (Path p : (Iterable<Path>) runs::iterator) {
        Matcher m = RUN_DIR.matcher(p.getFileName().toString());
        if (Files.isDirectory(p) && m.matches()) {
          last = Math.max(last, Integer.parseInt(m.group(1)));
        }
      }
    }
    return last;
  }

  /** Returns the summaries of every run in {@code dir}, by round then start time. */
  static List<RunSummary> read(Path dir) throws IOException {
    List<RunSummary> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> runs = Files.list(dir)) {
      for (Path p : (Iterable<Path>) runs::iterator) {
        Path json = p.resolve("summary.json");
        if (Files.isRegularFile(json) && RUN_DIR.matcher(p.getFileName().toString()).matches()) {
          try {
            out.add(RunFiles.JSON.readValue(json.toFile(), RunSummary.class));
          } catch (IOException e) {
            // A run cut off while writing its summary: the index shows the others.
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(RunSummary::round).thenComparing(RunSummary::startedAt));
    return out;
  }

  /** Rewrites {@code dir/README.md} and {@code dir/charts/*.png} from the runs in {@code dir}. */
  static void write(Path dir, String title) throws IOException {
    List<RunSummary> runs = read(dir);
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append(runs.size()).append(" run(s) in ");
    md.append(runs.isEmpty() ? 0 : runs.get(runs.size() - 1).round()).append(" round(s).\n\n");
    md.append(
        "## Pass rate per task\n\n| task | runs | PASS | FAIL | ERROR | INCONCLUSIVE | pass rate | last |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    Map<String, List<RunSummary>> byTask = new TreeMap<>();
    runs.forEach(r -> byTask.computeIfAbsent(r.task(), t -> new ArrayList<>()).add(r));
    for (Map.Entry<String, List<RunSummary>> e : byTask.entrySet()) {
      List<RunSummary> rs = e.getValue();
      long pass = count(rs, Outcome.PASS);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %.0f%% | %s |%n",
              e.getKey(),
              rs.size(),
              pass,
              count(rs, Outcome.FAIL),
              count(rs, Outcome.ERROR),
              count(rs, Outcome.INCONCLUSIVE),
              100.0 * pass / rs.size(),
              rs.get(rs.size() - 1).outcome()));
    }
    md.append("\n## Trends\n\n");
    Path charts = dir.resolve("charts");
    Files.createDirectories(charts);
    Map<String, Map<String, List<double[]>>> trends = trends(runs);
    if (trends.isEmpty()) {
      md.append("No figures recorded yet.\n");
    }
    for (Map.Entry<String, Map<String, List<double[]>>> t : trends.entrySet()) {
      String key = t.getKey();
      String unit = unitOf(runs, key);
      Path png = charts.resolve(key + ".png");
      ChartRenderer.lineChart(key, "round", unit, t.getValue(), png);
      md.append("### ").append(key).append(" (").append(unit).append(")\n\n");
      md.append("| round | value |\n|---:|---:|\n");
      for (double[] p : t.getValue().values().iterator().next()) {
        md.append(String.format(Locale.ROOT, "| %d | %.3f |%n", (int) p[0], p[1]));
      }
      md.append("\n![").append(key).append("](charts/").append(key).append(".png)\n\n");
    }
    md.append("## Runs (latest first)\n\n| round | task | outcome | seconds | not passed |\n");
    md.append("|---:|---|---|---:|---|\n");
    for (int i = runs.size() - 1; i >= Math.max(0, runs.size() - 50); i--) {
      RunSummary r = runs.get(i);
      String bad =
          r.verdicts().stream()
              .filter(v -> v.outcome() != Outcome.PASS)
              .map(v -> v.checker() + ": " + v.summary())
              .reduce((a, b) -> a + "; " + b)
              .orElse("");
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | [%s](%d-%s/summary.md) | %s | %.0f | %s |%n",
              r.round(),
              r.task(),
              r.round(),
              r.task(),
              r.outcome(),
              r.seconds(),
              RunFiles.cell(bad)));
    }
    Files.writeString(dir.resolve("README.md"), md.toString());
  }

  /** Returns, per "task.figure", one series of {round, value} points. */
  static Map<String, Map<String, List<double[]>>> trends(List<RunSummary> runs) {
    Map<String, Map<String, List<double[]>>> out = new TreeMap<>();
    for (RunSummary r : runs) {
      for (Figure f : r.figures()) {
        String key = r.task() + "." + f.name();
        out.computeIfAbsent(key, k -> new LinkedHashMap<>())
            .computeIfAbsent(f.name(), k -> new ArrayList<>())
            .add(new double[] {r.round(), f.value()});
      }
    }
    return out;
  }

  private static String unitOf(List<RunSummary> runs, String key) {
    for (RunSummary r : runs) {
      for (Figure f : r.figures()) {
        if ((r.task() + "." + f.name()).equals(key)) {
          return f.unit();
        }
      }
    }
    return "";
  }

  private static long count(List<RunSummary> runs, Outcome o) {
    return runs.stream().filter(r -> r.outcome() == o).count();
  }
}
