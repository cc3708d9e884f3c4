package dev.ballast.app.bench;

import dev.ballast.app.cli.Embedded;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures the embedded cluster's cold start (launch to every broker registered) and idle RSS. */
@Command(
    name = "cluster-start",
    mixinStandardHelpOptions = true,
    description = {
      "Starts and stops the embedded cluster --runs times and prints the time from launch to every",
      "broker registered, and each node's resident memory once idle. Target: median <= 5 s for",
      "1 controller + 3 brokers, <= 200 MB RSS per idle broker (docs/BENCHMARKS.md)."
    })
public final class ClusterStartBenchCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Cold starts to measure (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--brokers",
      defaultValue = "3",
      description = "Brokers per cluster (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Option(names = "--json", description = "Print one JSON line instead of a report.")
  boolean json;

  @Override
  public Integer call() {
    if (runs < 1 || runs > 50) {
      throw new dev.ballast.app.cli.UserException("--runs must be between 1 and 50, not " + runs);
    }
    ClusterSpec clusterSpec = Embedded.spec(brokers, List.of(), 192);
    PrintWriter out = spec.commandLine().getOut();
    List<Long> startMillis = new ArrayList<>();
    long maxBrokerRss = 0;
    long controllerRss = 0;
    for (int run = 1; run <= runs; run++) {
      long t0 = System.nanoTime();
      try (EmbeddedKafkaCluster cluster = Embedded.start(clusterSpec)) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        startMillis.add(ms);
        List<Long> pids = cluster.pids();
        long runMaxBroker = 0;
        // pids(): the controller first, then the brokers
        for (int i = 0; i < pids.size(); i++) {
          long rss = rssMb(pids.get(i));
          if (i == 0) {
            controllerRss = Math.max(controllerRss, rss);
          } else {
            runMaxBroker = Math.max(runMaxBroker, rss);
          }
        }
        maxBrokerRss = Math.max(maxBrokerRss, runMaxBroker);
        if (!json) {
          out.printf(
              Locale.ROOT,
              "run %d/%d: %d brokers registered in %d ms, max broker RSS %d MB%n",
              run,
              runs,
              brokers,
              ms,
              runMaxBroker);
          out.flush();
        }
      }
    }
    long median = median(startMillis);
    if (json) {
      out.printf(
          Locale.ROOT,
          "{\"brokers\":%d,\"runs\":%d,\"startMillis\":%s,\"startMillisMedian\":%d,\"startMillisMin\":%d,\"startMillisMax\":%d,\"maxBrokerRssMb\":%d,\"controllerRssMb\":%d}%n",
          brokers,
          runs,
          startMillis,
          median,
          startMillis.stream().mapToLong(Long::longValue).min().orElse(0),
          startMillis.stream().mapToLong(Long::longValue).max().orElse(0),
          maxBrokerRss,
          controllerRss);
    } else {
      out.printf(
          Locale.ROOT,
          "cold start of 1 controller + %d brokers: median %d ms over %d runs (min %d, max %d)%n",
          brokers,
          median,
          runs,
          startMillis.stream().mapToLong(Long::longValue).min().orElse(0),
          startMillis.stream().mapToLong(Long::longValue).max().orElse(0));
      out.printf(
          Locale.ROOT,
          "idle RSS: max broker %d MB, controller %d MB%n",
          maxBrokerRss,
          controllerRss);
    }
    out.flush();
    return 0;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /**
   * Returns the resident set size of {@code pid} in MB from /proc, or 0 where there is no /proc.
   */
  static long rssMb(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }
}
