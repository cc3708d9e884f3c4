package dev.ballast.app.bench;

import dev.ballast.app.cli.Embedded;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.worker.WorkerProcesses;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.remote.ControlBus;
import dev.ballast.workload.remote.ControlTopics;
import dev.ballast.workload.remote.RemoteSettings;
import dev.ballast.workload.remote.RemoteWorkers;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.spec.WorkloadSpecReader;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.TopicPreparer;
import dev.ballast.workload.worker.WorkloadResult;
import dev.ballast.workload.worker.WorkloadRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks remote workers: control latency and CPU per record against the in-process engine. */
@Command(
    name = "workers",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks remote workers on one embedded cluster: the same fixed-rate workload (producers"
          + " and a consumer group checking continuity) runs in a forked JVM on the in-process"
          + " engine, then on forked 'ballast worker' processes driven through the control topics.",
      "Prints acknowledged records per CPU-second of each (worker processes: CPU between their"
          + " first and last report of the run), and the time from each control command to every"
          + " worker acting on it, including rate changes sent mid-run. See docs/BENCHMARKS.md."
    })
public final class WorkersBenchCommand implements Callable<Integer> {

  private static final Pattern LOCAL = Pattern.compile("acked=(\\d+) cpuNanos=(\\d+)");

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Worker processes (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--brokers",
      defaultValue = "3",
      description = "Brokers of the embedded cluster (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Option(
      names = "--rate",
      defaultValue = "20000",
      description = "Messages/s in total (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--duration",
      defaultValue = "30s",
      description = "Length of each run (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--probes",
      defaultValue = "5",
      description =
          "Rate changes (to the same rate) sent mid-run to time (default: ${DEFAULT-VALUE}).")
  int probes;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "In-process and remote runs, alternated; medians are reported (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--jfr",
      paramLabel = "DIR",
      description =
          "Record the in-process fork and every worker process with Java Flight Recorder (profile"
              + " settings) into DIR.")
  Path jfrDir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (workers < 1 || workers > 16 || rate < 1 || probes < 0 || rounds < 1) {
      throw new UserException(
          "--workers must be 1..16, --rate >= 1, --probes >= 0 and --rounds >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    // Fast-start brokers: what is measured is the client processes' CPU, not the brokers'.
    out.println("starting an embedded cluster of " + brokers + " broker(s)...");
    out.flush();
    Path dir = Files.createTempDirectory("ballast-bench-workers");
    try (EmbeddedKafkaCluster cluster = Embedded.start(Embedded.spec(brokers, List.of(), 512))) {
      String bootstrap = cluster.bootstrapServers();
      Map<String, Object> config = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      String prefix = "bench.workers." + ProcessHandle.current().pid();
      try (ControlBus bus = new ControlBus(new ControlTopics(prefix), config)) {
        bus.ensureTopics(Duration.ofSeconds(30));
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        ids.add("bench-" + i);
      }
      List<Double> localPerCpu = new ArrayList<>();
      List<Double> remotePerCpu = new ArrayList<>();
      // The worker processes stay up across rounds (as in a marathon); each round is a new run.
      try (WorkerProcesses processes =
          WorkerProcesses.start(
              ids,
              // The same heap as LoadBenchFork gives the in-process side.
              concat(List.of("-Xms512m", "-Xmx1g"), jfr("workers")),
              List.of("--bootstrap-server", bootstrap, "--control-prefix", prefix),
              dir.resolve("logs"))) {
        for (int round = 1; round <= rounds; round++) {
          localPerCpu.add(local(config, bootstrap, dir, round, out));
          remotePerCpu.add(remote(config, prefix, round, out));
          out.printf(
              "round %d: remote / in-process = %.3f%n",
              round, remotePerCpu.get(round - 1) / localPerCpu.get(round - 1));
          out.flush();
        }
      }
      if (rounds > 1) {
        double local = median(localPerCpu);
        double remote = median(remotePerCpu);
        out.printf(
            "median of %d rounds: in-process %.0f, remote %.0f acked records per CPU-second;"
                + " remote / in-process = %.3f%n",
            rounds, local, remote, remote / local);
      }
    }
    return 0;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static double median(List<Double> values) {
    return LoadBenchCommand.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Returns the flight recording option of a fork: into DIR/NAME, a folder (one file per JVM). */
  private List<String> jfr(String name) throws IOException {
    if (jfrDir == null) {
      return List.of();
    }
    Path folder = Files.createDirectories(jfrDir.resolve(name)).toAbsolutePath();
    return List.of("-XX:StartFlightRecording=settings=profile,filename=" + folder);
  }

  private double local(
      Map<String, Object> config, String bootstrap, Path dir, int round, PrintWriter out)
      throws IOException {
    Path local = dir.resolve("local-" + round + ".yaml");
    Files.writeString(local, workload("bench-local-" + round));
    WorkloadSpec localSpec = new WorkloadSpecReader().read(local);
    try (Admin admin = Admin.create(config)) {
      new TopicPreparer(admin, Duration.ofSeconds(30)).prepare(localSpec.topics());
    }
    String line =
        LoadBenchFork.run(
            WorkersBenchLocal.class.getName(),
            jfr("in-process"),
            List.of(bootstrap, local.toString()),
            Duration.ofMinutes(10));
    Matcher m = LOCAL.matcher(line);
    if (!m.find()) {
      throw new IllegalStateException("the in-process run printed no figures: " + line);
    }
    double perCpu = Long.parseLong(m.group(1)) / (Long.parseLong(m.group(2)) / 1e9);
    out.printf("in-process engine: %s", line);
    out.printf("  -> %.0f acked records per CPU-second%n", perCpu);
    out.flush();
    return perCpu;
  }

  private double remote(Map<String, Object> config, String prefix, int round, PrintWriter out)
      throws InterruptedException {
    WorkloadSpec remoteSpec =
        new WorkloadSpecReader().parse(workload("bench-remote-" + round), "remote");
    try (Admin admin = Admin.create(config)) {
      new TopicPreparer(admin, Duration.ofSeconds(30)).prepare(remoteSpec.topics());
    }
    List<Duration> probeLatencies = new ArrayList<>();
    try (RemoteWorkers remote =
        new RemoteWorkers(
            new ControlBus(new ControlTopics(prefix), config),
            RemoteSettings.defaults(System.currentTimeMillis(), config),
            NanoClock.SYSTEM,
            RunListener.NONE)) {
      remote.awaitWorkers(workers, Duration.ofSeconds(120));
      WorkloadRun run =
          new WorkloadRun(
              remoteSpec,
              remote,
              config,
              NanoClock.SYSTEM,
              RunListener.NONE,
              System.nanoTime(),
              Duration.ofSeconds(1));
      CompletableFuture<WorkloadResult> future =
          CompletableFuture.supplyAsync(() -> run.run(ParkingIdleStrategy.standard()));
      // Rate changes to the same rate, one a second after the warm-up: each is a control command
      // every worker must apply (and acknowledge) before the call returns.
      long runNanos = remoteSpec.duration().toNanos();
      long t0 = System.nanoTime();
      for (int i = 0; i < probes; i++) {
        long due = t0 + remoteSpec.warmup().toNanos() + (i + 1) * (runNanos / (probes + 3));
        while (System.nanoTime() < due && !future.isDone()) {
          LockSupport.parkNanos(10_000_000L);
        }
        run.scaleProducerRates(1.0);
        probeLatencies.add(remote.commandLatencies().get("scale rates by 1.0"));
      }
      WorkloadResult result = future.join();
      Duration cpu = remote.workerCpu();
      double remotePerCpu = result.acked() / (cpu.toNanos() / 1e9);
      out.printf(
          "remote workers (%d): acked=%d workerCpu=%.2f s rate=%.1f clean=%s%n",
          workers,
          result.acked(),
          cpu.toNanos() / 1e9,
          result.achievedMessagesPerSecond(),
          result.clean());
      out.printf("  -> %.0f acked records per CPU-second%n", remotePerCpu);
      out.println("control command -> every worker acting: " + remote.commandLatencies());
      out.println("mid-run rate changes -> every worker acting: " + probeLatencies);
      out.flush();
      return remotePerCpu;
    }
  }

  private String workload(String name) {
    return """
        name: %s
        topics:
          - name: %s
            partitions: 6
            replicationFactor: 1
        producers:
          - topic: %s
            count: %d
            messagesPerSecond: %d
            messageSize: 100
            config: {acks: 1, linger.ms: 5}
        consumers:
          - topic: %s
            count: %d
        duration: %s
        warmup: 5s
        drainTimeout: 60s
        """
        .formatted(name, name, name, workers, rate, name, workers, duration);
  }
}
