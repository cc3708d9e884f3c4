package dev.ballast.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ballast.app.cli.Embedded;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.workload.spec.TopicSpec;
import dev.ballast.workload.worker.TopicPreparer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks Ballast's producer against Kafka's ProducerPerformance. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks Ballast's producer against Kafka's ProducerPerformance.",
      "On one embedded cluster: at the maximum rate, alternately with Kafka's own"
          + " ProducerPerformance (--peer; both in forked JVMs with the same record size, batch,"
          + " linger, compression and acks), then at a fixed rate (achieved rate and schedule"
          + " delay). Prints figures; see docs/BENCHMARKS.md."
    })
public final class LoadBenchCommand implements Callable<Integer> {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  private static final String PEER_MAIN = LoadBenchPeer.class.getName();

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(names = "--peer", description = "Also run Kafka's ProducerPerformance, alternately.")
  boolean peer;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Option(
      names = "--records",
      defaultValue = "2000000",
      description = "Records per max-rate run (default: ${DEFAULT-VALUE}).")
  long records;

  @Option(
      names = "--record-size",
      defaultValue = "100",
      description = "Bytes per record (default: ${DEFAULT-VALUE}).")
  int recordSize;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Max-rate runs of each tool (default: ${DEFAULT-VALUE}); medians are reported.")
  int rounds;

  @Option(
      names = "--batch-size",
      defaultValue = "65536",
      description = "batch.size for both tools (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--linger-ms",
      defaultValue = "5",
      description = "linger.ms for both tools (default: ${DEFAULT-VALUE}).")
  int lingerMs;

  @Option(
      names = "--compression",
      defaultValue = "none",
      description = "compression.type for both tools (default: ${DEFAULT-VALUE}).")
  String compression;

  @Option(
      names = "--acks",
      defaultValue = "1",
      description = "acks for both tools (default: ${DEFAULT-VALUE}).")
  String acks;

  @Option(
      names = "--partitions",
      defaultValue = "6",
      description = "Partitions of the benchmark topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--replication-factor",
      defaultValue = "1",
      description = "Replication factor of the benchmark topics (default: ${DEFAULT-VALUE}).")
  int replicationFactor;

  @Option(
      names = "--fixed-rate",
      defaultValue = "50000",
      description = "Messages/s of the fixed-rate run; 0 skips it (default: ${DEFAULT-VALUE}).")
  int fixedRate;

  @Option(
      names = "--fixed-duration",
      defaultValue = "30s",
      description = "Length of the fixed-rate run (default: ${DEFAULT-VALUE}).")
  String fixedDuration;

  @Option(
      names = "--fixed-warmup",
      defaultValue = "5s",
      description = "Warm-up excluded from the fixed-rate figures (default: ${DEFAULT-VALUE}).")
  String fixedWarmup;

  @Option(
      names = "--jfr",
      paramLabel = "DIR",
      description =
          "Record each max-rate fork with Java Flight Recorder (profile settings) into"
              + " DIR/<tool>-<round>.jfr.")
  Path jfrDir;

  @Override
  public Integer call() throws IOException {
    if (records < 1 || recordSize < 1 || rounds < 1 || partitions < 1 || replicationFactor < 1) {
      throw new UserException(
          "--records, --record-size, --rounds, --partitions and --replication-factor must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter log = json ? spec.commandLine().getErr() : out;
    log.println("starting an embedded cluster of 3 brokers (full JIT)...");
    log.flush();
    try (EmbeddedKafkaCluster cluster =
        Embedded.start(Embedded.spec(3, List.of(), 512).withFastStart(/* fast= */ false))) {
      String bootstrap = cluster.bootstrapServers();
      try (Admin admin =
          Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        new TopicPreparer(admin, Duration.ofSeconds(30))
            .prepare(
                List.of(
                    new TopicSpec("bench-max", partitions, replicationFactor, null, null),
                    new TopicSpec("bench-fixed", partitions, replicationFactor, null, null)));
      }
      List<LoadBenchRun> peers = new ArrayList<>();
      List<LoadBenchRun> ballasts = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        if (peer) {
          LoadBenchRun p =
              LoadBenchRun.parse(
                  "peer",
                  LoadBenchFork.run(
                      PEER_MAIN, jfr("peer", round), peerArgs(bootstrap), RUN_TIMEOUT));
          peers.add(p);
          log.println("round " + round + "  " + p.describe());
          log.flush();
        }
        LoadBenchRun b =
            LoadBenchRun.parse(
                "ballast",
                LoadBenchFork.run(
                    LoadBenchProducer.class.getName(),
                    jfr("ballast", round),
                    ballastArgs(bootstrap),
                    RUN_TIMEOUT));
        ballasts.add(b);
        log.println("round " + round + "  " + b.describe());
        log.flush();
      }
      Map<String, Object> figures = new LinkedHashMap<>();
      double ballastRate =
          median(ballasts.stream().mapToDouble(LoadBenchRun::recordsPerSec).toArray());
      double ballastP99 = median(ballasts.stream().mapToDouble(LoadBenchRun::p99Ms).toArray());
      if (peer) {
        double peerRate = median(peers.stream().mapToDouble(LoadBenchRun::recordsPerSec).toArray());
        figures.put("peerRecordsPerSec", round1(peerRate));
        figures.put("ballastRecordsPerSec", round1(ballastRate));
        figures.put("ratio", Math.round(ballastRate / peerRate * 1000) / 1000.0);
        figures.put("peerP99Ms", median(peers.stream().mapToDouble(LoadBenchRun::p99Ms).toArray()));
        figures.put(
            "peerCpuMicrosPerRecord",
            median(peers.stream().mapToDouble(LoadBenchRun::cpuMicrosPerRecord).toArray()));
      } else {
        figures.put("ballastRecordsPerSec", round1(ballastRate));
      }
      figures.put("ballastP99Ms", ballastP99);
      figures.put(
          "ballastCpuMicrosPerRecord",
          median(ballasts.stream().mapToDouble(LoadBenchRun::cpuMicrosPerRecord).toArray()));
      if (fixedRate > 0) {
        figures.put("fixedRate", fixedRateRun(bootstrap, log));
      }
      figures.put("settings", settings());
      figures.put("runs", runs(peers, ballasts));
      if (json) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(figures));
      } else {
        printSummary(out, figures);
      }
      out.flush();
      return 0;
    }
  }

  private List<String> jfr(String tool, int round) throws IOException {
    if (jfrDir == null) {
      return List.of();
    }
    Files.createDirectories(jfrDir);
    Path file = jfrDir.resolve(tool + "-" + round + ".jfr").toAbsolutePath();
    return List.of("-XX:StartFlightRecording=settings=profile,filename=" + file);
  }

  private List<String> producerProps(String bootstrap) {
    return List.of(
        "bootstrap.servers=" + bootstrap,
        "acks=" + acks,
        "batch.size=" + batchSize,
        "linger.ms=" + lingerMs,
        "compression.type=" + compression);
  }

  private List<String> peerArgs(String bootstrap) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--topic",
                "bench-max",
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1",
                "--producer-props"));
    args.addAll(producerProps(bootstrap));
    return args;
  }

  private List<String> ballastArgs(String bootstrap) {
    List<String> args =
        new ArrayList<>(List.of("bench-max", Long.toString(records), Integer.toString(recordSize)));
    args.addAll(producerProps(bootstrap));
    return args;
  }

  private Map<String, Object> fixedRateRun(String bootstrap, PrintWriter log) throws IOException {
    log.printf(
        "fixed rate: %d msgs/s for %s (warm-up %s)...%n", fixedRate, fixedDuration, fixedWarmup);
    log.flush();
    Path results = Files.createTempFile("ballast-bench-fixed-", ".json");
    try {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "load",
                  "produce",
                  "--bootstrap-server",
                  bootstrap,
                  "--topic",
                  "bench-fixed",
                  "--rate",
                  Integer.toString(fixedRate),
                  "--record-size",
                  Integer.toString(recordSize),
                  "--duration",
                  fixedDuration,
                  "--warmup",
                  fixedWarmup,
                  "--json",
                  "--results-file",
                  results.toString()));
      for (String prop : producerProps(bootstrap)) {
        if (!prop.startsWith("bootstrap.servers=")) {
          args.add("--producer-prop");
          args.add(prop);
        }
      }
      LoadBenchFork.run("dev.ballast.app.Main", args, RUN_TIMEOUT);
      JsonNode result = new ObjectMapper().readTree(results.toFile()).get("result");
      double achieved = result.get("achievedMessagesPerSecond").asDouble();
      Map<String, Object> fixed = new LinkedHashMap<>();
      fixed.put("targetPerSec", fixedRate);
      fixed.put("achievedPerSec", round1(achieved));
      fixed.put("errorPercent", Math.round((achieved / fixedRate - 1) * 100_000) / 1000.0);
      fixed.put("scheduleDelayP99Ms", nanosToMs(result.get("scheduleDelay").get("p99")));
      fixed.put(
          "latencyFromIntendedP99Ms", nanosToMs(result.get("latencyFromIntended").get("p99")));
      fixed.put("latencyFromSendP99Ms", nanosToMs(result.get("latencyFromSend").get("p99")));
      fixed.put("measuredSeconds", round1(result.get("measuredSeconds").asDouble()));
      fixed.put("failed", result.get("failed").asLong());
      return fixed;
    } finally {
      Files.deleteIfExists(results);
    }
  }

  private Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("records", records);
    s.put("recordSize", recordSize);
    s.put("rounds", rounds);
    s.put("batchSize", batchSize);
    s.put("lingerMs", lingerMs);
    s.put("compression", compression);
    s.put("acks", acks);
    s.put("partitions", partitions);
    s.put("replicationFactor", replicationFactor);
    s.put("brokers", 3);
    return s;
  }

  private static List<LoadBenchRun> runs(List<LoadBenchRun> peers, List<LoadBenchRun> ballasts) {
    List<LoadBenchRun> all = new ArrayList<>(peers);
    all.addAll(ballasts);
    return all;
  }

  @SuppressWarnings("unchecked")
  private static void printSummary(PrintWriter out, Map<String, Object> f) {
    out.println();
    if (f.containsKey("peerRecordsPerSec")) {
      out.printf(
          Locale.ROOT,
          "peer (ProducerPerformance): %,.0f records/s, p99 %.2f ms (median)%n",
          (Double) f.get("peerRecordsPerSec"),
          (Double) f.get("peerP99Ms"));
    }
    out.printf(
        Locale.ROOT,
        "ballast producer:           %,.0f records/s, p99 %.2f ms (median)%n",
        (Double) f.get("ballastRecordsPerSec"),
        (Double) f.get("ballastP99Ms"));
    if (f.containsKey("ratio")) {
      out.printf(Locale.ROOT, "ratio ballast/peer:         %.3f%n", (Double) f.get("ratio"));
    }
    if (f.containsKey("fixedRate")) {
      Map<String, Object> fixed = (Map<String, Object>) f.get("fixedRate");
      out.printf(
          Locale.ROOT,
          "fixed rate:                 %,.1f of %,d msgs/s (%+.3f%%), schedule delay p99 %.3f ms,"
              + " latency p99 %.2f ms from intended, %.2f ms from send%n",
          (Double) fixed.get("achievedPerSec"),
          (Integer) fixed.get("targetPerSec"),
          (Double) fixed.get("errorPercent"),
          (Double) fixed.get("scheduleDelayP99Ms"),
          (Double) fixed.get("latencyFromIntendedP99Ms"),
          (Double) fixed.get("latencyFromSendP99Ms"));
    }
  }

  private static double nanosToMs(JsonNode nanos) {
    return Math.round(nanos.asDouble() / 1e3) / 1000.0;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
