package dev.ballast.app.bench;

import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.scenario.ChartRenderer;
import dev.ballast.core.plan.Units;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.GuardSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The same 4-1-1 rebalance with and without the executor's latency guard, side by side. */
@Command(
    name = "guard",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the traffic-based demo's rebalance twice on one embedded 3-broker cluster: 6",
      "partitions RF 1 placed 4-1-1 under ~10 MB/s, then the two moves that make them 2-2-2,",
      "first without the latency guard, then with --max-produce-p99. Prints the producers' p99",
      "before and during the moves and the time the moves took, each guard decision, and writes",
      "a PNG chart of produce p99 over time for both runs. See docs/BENCHMARKS.md."
    })
public final class GuardBenchCommand implements Callable<Integer> {

  /** How far before the moves the chart starts. */
  private static final double CHART_BEFORE_SECONDS = 10;

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--max-produce-p99",
      defaultValue = "50ms",
      converter = DurationConverter.Positive.class,
      description = "The guarded run's limit (default: ${DEFAULT-VALUE}).")
  Duration limit;

  @Option(
      names = "--fill",
      defaultValue = "40s",
      converter = DurationConverter.Positive.class,
      description = "Load before the moves start; sets the partitions' size (default: 40s).")
  Duration fill;

  @Option(
      names = "--after",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Load kept on after the moves end (default: 10s).")
  Duration after;

  @Option(
      names = "--rate",
      defaultValue = "10000",
      description = "Messages/s of 1000 B (default: ${DEFAULT-VALUE}, ~10 MB/s).")
  double rate;

  @Option(
      names = "--results",
      defaultValue = "results",
      description = "Folder the chart goes under (default: ${DEFAULT-VALUE}).")
  Path results;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0)) {
      throw new UserException("--rate must be positive, not " + rate);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir =
        results.resolve(
            "bench-guard-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(dir);
    out.printf(
        Locale.ROOT,
        "bench guard: 3 brokers, 6 partitions RF 1 placed 4-1-1, %.0f msg/s of 1000 B; after %d s"
            + " of load, partition 2 moves to broker 1 and partition 3 to broker 2 (2-2-2)%n",
        rate,
        fill.toSeconds());
    out.flush();
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(3)) {
      ClientSettings clientSettings = ClientSettings.of(kafka.bootstrapServers());
      Map<String, Object> client = new HashMap<>();
      clientSettings.toProperties().forEach((k, v) -> client.put(String.valueOf(k), v));
      try (Admin admin = Admin.create(clientSettings.toProperties());
          CanaryProber prober =
              new CanaryProber(
                  admin,
                  clientSettings,
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(5),
                  30,
                  System::nanoTime)) {
        GuardBenchRun bench = new GuardBenchRun(admin, client, prober, rate);
        ExecutorSettings plain = ExecutorSettings.defaults();
        ExecutorSettings guarded = plain.withLatencyGuard(limit, GuardSettings.DEFAULT_WINDOW);
        Map<String, GuardBenchRun.Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("without the guard", runOne(bench, "plain", plain, out));
        outcomes.put(
            "with --max-produce-p99 " + limit.toMillis() + "ms",
            runOne(bench, "guarded", guarded, out));
        summarize(outcomes, dir, out);
      }
    }
    return 0;
  }

  private GuardBenchRun.Outcome runOne(
      GuardBenchRun bench, String name, ExecutorSettings settings, PrintWriter out) {
    out.printf("%s run: loading for %d s...%n", name, fill.toSeconds());
    out.flush();
    GuardBenchRun.Outcome o =
        bench.run(
            "ballast-bench-guard-" + name,
            fill,
            after,
            settings,
            d -> {
              out.println("  " + d.describe());
              out.flush();
            });
    out.printf(
        Locale.ROOT,
        "%s run: moves (~%s) %s in %.1f s; produce p99 before %.1f ms, while moving: worst"
            + " second %.1f ms, median second %.1f ms; canary p99 while moving %.1f ms%n",
        name,
        Units.bytes(o.movedBytes()),
        o.end().phase().label(),
        o.movesSeconds(),
        o.baselineP99Ms(),
        o.worstP99Ms(),
        o.medianP99Ms(),
        o.canaryP99Ms());
    out.flush();
    return o;
  }

  private static void summarize(
      Map<String, GuardBenchRun.Outcome> outcomes, Path dir, PrintWriter out) throws Exception {
    out.println();
    out.println(
        "| run | moves took | produce p99 before | worst second while moving | median second"
            + " while moving | canary p99 while moving |");
    out.println("|---|---|---|---|---|---|");
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    outcomes.forEach(
        (label, o) -> {
          out.printf(
              Locale.ROOT,
              "| %s | %.1f s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
              label,
              o.movesSeconds(),
              o.baselineP99Ms(),
              o.worstP99Ms(),
              o.medianP99Ms(),
              o.canaryP99Ms());
          List<double[]> points = new ArrayList<>();
          // From 10 s before the moves: the first seconds of a fresh cluster are its warm-up.
          o.points().stream()
              .filter(p -> p.seconds() >= -CHART_BEFORE_SECONDS)
              .forEach(p -> points.add(new double[] {p.seconds(), p.produceP99Ms()}));
          series.put(label, points);
        });
    Path chart =
        ChartRenderer.lineChart(
            "Produce p99 during the 4-1-1 rebalance (moves start at 0)",
            "seconds since the moves started",
            "produce p99 per second (ms)",
            series,
            dir.resolve("produce-p99.png"));
    out.println("chart: " + chart);
    out.flush();
  }
}
