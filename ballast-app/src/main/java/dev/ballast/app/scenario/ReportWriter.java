package dev.ballast.app.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.app.balance.ConsoleListener;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes a run's results folder: {@code before-balancing.md}, {@code after-balancing.md}, {@code
 * metrics-comparison.md}, {@code summary.json} (the seed's ExperimentResults shape plus verdicts),
 * {@code timeseries.csv} and {@code charts/*.png}; then adds the checks on the files themselves.
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportWriter() {}

  /** Writes every file of {@code r} and returns it with the file checks added. */
  static ScenarioResult write(ScenarioResult r) throws IOException {
    Path dir = r.dir();
    List<Check> checks = new ArrayList<>(r.checks());
    List<Path> charts = ChartRenderer.render(r, dir.resolve("charts"));
    Files.writeString(dir.resolve("timeseries.csv"), csv(r.timeline()));
    Files.writeString(dir.resolve("before-balancing.md"), state("Before balancing", r, r.before()));
    Files.writeString(dir.resolve("after-balancing.md"), state("After balancing", r, r.after()));
    Files.writeString(dir.resolve("metrics-comparison.md"), comparison(r));
    List<String> bad = new ArrayList<>();
    for (Path c : charts) {
      if (!isPng(c)) {
        bad.add(dir.relativize(c).toString());
      }
    }
    if (r.error() == null) {
      checks.add(
          new Check(
              "charts are valid non-empty PNGs",
              bad.isEmpty(),
              charts.size() + " chart(s)" + (bad.isEmpty() ? "" : "; invalid: " + bad)));
    }
    ScenarioResult withCharts = with(r, checks);
    Files.writeString(dir.resolve("summary.json"), summary(withCharts));
    List<String> missing =
        FILES.stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList();
    if (r.error() == null) {
      checks.add(
          new Check(
              "all result files present",
              missing.isEmpty(),
              missing.isEmpty() ? String.join(", ", FILES) + ", charts/" : "missing: " + missing));
    }
    ScenarioResult done = with(r, checks);
    Files.writeString(dir.resolve("summary.json"), summary(done));
    Files.writeString(dir.resolve("metrics-comparison.md"), comparison(done));
    return done;
  }

  private static ScenarioResult with(ScenarioResult r, List<Check> checks) {
    return new ScenarioResult(
        r.spec(),
        r.dir(),
        List.copyOf(checks),
        r.before(),
        r.after(),
        r.timeline(),
        r.workload(),
        r.triggerSeconds(),
        r.convergenceSeconds(),
        r.moves(),
        r.leaderChanges(),
        r.bytesMoved(),
        r.executionStarts(),
        r.phaseSeconds(),
        r.anomalies(),
        r.error());
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

  private static String state(String title, ScenarioResult r, ClusterModel m) {
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
              canaryP99(r, b.id(), m == r.before())));
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
                    .append(c.name())
                    .append(" | ")
                    .append(c.verdict())
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

  private static String summary(ScenarioResult r) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("demo_name", r.spec().name());
    root.put("timestamp", Instant.now().toString());
    root.put("title", r.spec().title());
    root.put("verdict", r.passed() ? "PASS" : "FAIL");
    ObjectNode before = root.putObject("before");
    before.set("metrics", clusterMetrics(r.before()));
    before.set("partition_distribution", distribution(r, r.before()));
    ObjectNode after = root.putObject("after");
    after.set("metrics", clusterMetrics(r.after()));
    after.set("partition_distribution", distribution(r, r.after()));
    ObjectNode imp = root.putObject("improvement");
    String[] keys = {
      "bytes_in_balance_improvement",
      "bytes_out_balance_improvement",
      "messages_in_balance_improvement",
      "partition_balance_improvement"
    };
    List<ToDoubleFunction<LoadVector>> fs =
        List.of(
            LoadVector::networkIn,
            LoadVector::networkOut,
            LoadVector::messages,
            LoadVector::replicas);
    for (int i = 0; i < keys.length; i++) {
      double b = stdDev(r.before(), fs.get(i));
      double a = stdDev(r.after(), fs.get(i));
      imp.put(keys[i], b <= 0 ? 0 : Math.round((b - a) / b * 1000) / 10.0);
    }
    ObjectNode bal = root.putObject("balancing");
    if (r.convergenceSeconds() != null) {
      bal.put("convergence_seconds", r.convergenceSeconds());
    } else {
      bal.putNull("convergence_seconds");
    }
    bal.put("executions", r.executionStarts().size());
    bal.put("replica_moves", r.moves());
    bal.put("leadership_changes", r.leaderChanges());
    bal.put("bytes_moved", r.bytesMoved());
    if (r.workload() != null && !r.workload().groups().isEmpty()) {
      var v = r.workload().groups().get(0).verdict();
      ObjectNode c = root.putObject("continuity");
      c.put("produced", v.produced());
      c.put("acked", v.acked());
      c.put("consumed", v.consumed());
      c.put("lost", v.lost());
      c.put("duplicated", v.duplicated());
      c.put("reordered", v.reordered());
      c.put("produce_p99_ms", r.workload().latencyFromIntended().p99() / 1e6);
    }
    ObjectNode phases = root.putObject("phase_seconds");
    r.phaseSeconds().forEach(phases::put);
    ArrayNode checks = root.putArray("checks");
    r.checks()
        .forEach(
            c ->
                checks
                    .addObject()
                    .put("name", c.name())
                    .put("verdict", c.verdict())
                    .put("evidence", c.evidence()));
    if (r.error() != null) {
      root.put("error", r.error());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static ObjectNode clusterMetrics(ClusterModel m) {
    ObjectNode n = JSON.createObjectNode();
    if (m == null) {
      return n;
    }
    Map<Integer, LoadVector> loads = BrokerLoads.of(m);
    ArrayNode brokers = n.putArray("brokers");
    double in = 0;
    double out = 0;
    double msgs = 0;
    for (Broker b : m.brokers()) {
      LoadVector l = loads.get(b.id());
      brokers
          .addObject()
          .put("broker_id", Integer.toString(b.id()))
          .put("state", b.state().label())
          .put("bytes_in_per_sec", l.networkIn())
          .put("bytes_out_per_sec", l.networkOut())
          .put("messages_in_per_sec", l.messages())
          .put("partition_count", (long) l.replicas())
          .put("leader_partition_count", (long) l.leaders());
      in += l.networkIn();
      out += l.networkOut();
      msgs += l.messages();
    }
    n.put("total_bytes_in_per_sec", in);
    n.put("total_bytes_out_per_sec", out);
    n.put("total_messages_in_per_sec", msgs);
    n.put("total_partitions", m.partitions().size());
    n.put("bytes_in_std_dev", stdDev(m, LoadVector::networkIn));
    n.put("bytes_out_std_dev", stdDev(m, LoadVector::networkOut));
    n.put("messages_in_std_dev", stdDev(m, LoadVector::messages));
    n.put("partition_count_std_dev", stdDev(m, LoadVector::replicas));
    return n;
  }

  private static ObjectNode distribution(ScenarioResult r, ClusterModel m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("topic", r.spec().topic());
    ArrayNode parts = n.putArray("partitions");
    if (m != null) {
      m.partitions().stream()
          .filter(p -> p.topic().equals(r.spec().topic()))
          .forEach(
              p -> {
                ObjectNode o =
                    parts
                        .addObject()
                        .put("partition_id", p.partition())
                        .put("leader_broker", Integer.toString(p.leader()));
                ArrayNode rs = o.putArray("replicas");
                p.replicas().forEach(x -> rs.add(Integer.toString(x)));
              });
    }
    return n;
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
              r.passed() ? "PASS" : "FAIL",
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
