package dev.ballast.app.marathon;

import dev.ballast.app.cli.BrokerConfigOption;
import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.StopOnSignal;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.ExternalTaskCluster;
import dev.ballast.app.task.TaskCatalog;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.app.task.TaskEntry;
import dev.ballast.app.task.TaskListException;
import dev.ballast.app.task.TaskListReader;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.worker.WorkerSupply;
import dev.ballast.app.worker.WorkersOption;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.rate.NanoClock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ballast marathon}: a task list in rounds on one cluster, judged, alerted, indexed. */
@Command(
    name = "marathon",
    mixinStandardHelpOptions = true,
    description = {
      "Runs test tasks against a cluster in a loop, for hours or days: each task has a",
      "prepare, warm-up, workload and cleanup phase, checkers judge every run (PASS, FAIL,",
      "INCONCLUSIVE, ERROR with a severity), and alerts go to Alertmanager or a webhook.",
      "",
      "Without --bootstrap-server it starts an embedded cluster (--brokers, default 3) and",
      "keeps it for the whole marathon. Without --tasks it runs examples/marathon.yaml.",
      "Without --rounds or --duration it runs until Ctrl-C (which ends the current task,",
      "cleans up, writes the index and exits 0).",
      "",
      "Results: DIR/<round>-<task>/ (events.jsonl, summary.json, summary.md) and",
      "DIR/README.md (pass rate per task, trends across rounds with PNG charts). Running",
      "again with the same --results continues the round numbering. See docs/MARATHON.md."
    },
    footer = {
      "",
      "Exit code 0 when every run passed or the marathon was stopped (Ctrl-C, SIGTERM);",
      "1 when a run did not pass; 2 for bad input; 3 for an unreachable cluster."
    })
public final class MarathonCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin BrokerConfigOption brokerConfig;

  @Option(
      names = "--tasks",
      paramLabel = "FILE",
      description = "The task list (default: examples/marathon.yaml).")
  Path tasksFile;

  @Option(names = "--rounds", paramLabel = "N", description = "Run the list N times, then stop.")
  Integer rounds;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Start no task after this long (e.g. 24h), then stop.")
  Duration duration;

  @Option(names = "--quick", description = "Smaller sizes and shorter phases (CI, a first look).")
  boolean quick;

  @Option(
      names = "--brokers",
      paramLabel = "N",
      defaultValue = "3",
      description = "Brokers of the embedded cluster (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Option(
      names = "--kill-broker-cmd",
      paramLabel = "CMD",
      description =
          "On --bootstrap-server: shell command that kills broker {id} (also $BALLAST_BROKER_ID).")
  String killBrokerCmd;

  @Option(
      names = "--restart-broker-cmd",
      paramLabel = "CMD",
      description = "On --bootstrap-server: shell command that starts broker {id} again.")
  String restartBrokerCmd;

  @Option(
      names = "--balancer",
      defaultValue = "ballast",
      paramLabel = "ballast|external",
      description =
          "external: another balancer moves partitions; tasks only judge (default: ${DEFAULT-VALUE}).")
  String balancer;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description =
          "The marathon's folder (default: results/marathon-<time>); reuse it to continue.")
  Path results;

  @Option(
      names = "--profile",
      description =
          "Record the Ballast process with JFR (settings 'profile') during each task run, into"
              + " DIR/<round>-<task>/profile.jfr (open with JDK Mission Control or `jfr print`).")
  boolean profile;

  @Mixin AlertOptions alerts;

  @Mixin WorkersOption workers;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (rounds != null && duration != null) {
      throw new UserException("give --rounds or --duration, not both");
    }
    if (rounds != null && rounds < 1) {
      throw new UserException("--rounds must be >= 1, not " + rounds);
    }
    if (!balancer.equals("ballast") && !balancer.equals("external")) {
      throw new UserException("--balancer must be 'ballast' or 'external', not '" + balancer + "'");
    }
    if (!connection.isExternal() && (killBrokerCmd != null || restartBrokerCmd != null)) {
      throw new UserException(
          "--kill-broker-cmd and --restart-broker-cmd go with --bootstrap-server");
    }
    WorkerSupply.check(workers);
    List<TaskEntry> entries = readTasks();
    Path dir = results != null ? results : Path.of("results", "marathon-" + stamp());
    Files.createDirectories(dir);
    MarathonSettings settings =
        new MarathonSettings(
            dir,
            rounds == null ? 0 : rounds,
            duration,
            new TaskOptions(quick, balancer.equals("external")),
            connection.isExternal() ? connection.settings().bootstrapServers() : "embedded",
            profile);
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      TaskCluster cluster = cluster(out, resources);
      WorkerSupply supply =
          WorkerSupply.open(workers, cluster.client(), dir.resolve("workers"), out);
      resources.add(supply);
      List<MarathonListener> listeners = alerts.listeners(settings.cluster(), out, resources);
      Marathon marathon =
          new Marathon(
              entries,
              settings,
              cluster,
              supply,
              NanoClock.SYSTEM,
              InstantSource.system(),
              new TaskDriver(NanoClock.SYSTEM, ParkingIdleStrategy.standard()),
              MarathonListener.all(listeners),
              new ConsoleEvents(out));
      out.printf(
          "marathon: %d task(s)%s; results in %s%n",
          entries.size(),
          rounds != null
              ? ", " + rounds + " round(s)"
              : duration != null ? " for " + duration : " until Ctrl-C",
          dir);
      out.flush();
      Marathon.Totals totals;
      // SIGTERM or Ctrl-C: the current task ends and cleans up (a run still alive 22 s later is
      // finished by the marathon itself), the index is written, exit 0; a second signal exits now.
      try (StopOnSignal stop =
          StopOnSignal.install(
              "the marathon", marathon::requestStop, out, Duration.ofSeconds(60))) {
        totals = marathon.run();
      }
      out.printf(
          "marathon %s: %d run(s), %d passed; index: %s%n",
          totals.stopped() ? "stopped" : "done",
          totals.runs(),
          totals.passed(),
          dir.resolve("README.md"));
      out.flush();
      return totals.stopped() || totals.passed() == totals.runs() ? 0 : 1;
    } finally {
      for (int i = resources.size() - 1; i >= 0; i--) {
        try {
          resources.get(i).close();
        } catch (Exception e) {
          out.println("closing " + resources.get(i).getClass().getSimpleName() + " failed: " + e);
        }
      }
    }
  }

  private List<TaskEntry> readTasks() {
    Path file = tasksFile;
    if (file == null) {
      String home = System.getProperty("ballast.home");
      file =
          (home == null ? Path.of(".") : Path.of(home))
              .resolve("examples")
              .resolve("marathon.yaml");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserException("task list " + file + " does not exist (see examples/marathon.yaml)");
    }
    try {
      return new TaskListReader(TaskCatalog.load()).read(file);
    } catch (TaskListException e) {
      throw new UserException(e.getMessage());
    }
  }

  private TaskCluster cluster(PrintWriter out, List<AutoCloseable> resources)
      throws InterruptedException {
    if (connection.isExternal()) {
      var client = connection.settings();
      var admin = Admins.create(client, connection.timeout());
      resources.add(admin);
      ExternalTaskCluster cluster =
          new ExternalTaskCluster(
              client,
              admin,
              connection.timeout(),
              killBrokerCmd,
              restartBrokerCmd,
              Duration.ofMinutes(5),
              line -> {
                out.println(line);
                out.flush();
              });
      try {
        out.printf(
            "marathon: cluster at %s with brokers %s%n",
            client.bootstrapServers(), cluster.brokerIds());
      } catch (RuntimeException e) {
        throw new UserException(
            "cannot reach the cluster at "
                + client.bootstrapServers()
                + ": "
                + e.getMessage()
                + " (check --bootstrap-server and --command-config)",
            3);
      }
      return cluster;
    }
    if (brokers < 1 || brokers > ClusterSpec.MAX_BROKERS) {
      throw new UserException(
          "--brokers must be between 1 and " + ClusterSpec.MAX_BROKERS + ", not " + brokers);
    }
    out.printf("marathon: starting an embedded cluster of %d broker(s)...%n", brokers);
    out.flush();
    EmbeddedKafkaCluster embedded = startEmbedded(brokers, brokerConfig::applyTo);
    resources.add(embedded);
    out.printf(
        "marathon: embedded cluster at %s; internal topics created at replication factor %s%n",
        embedded.bootstrapServers(),
        brokers >= InternalTopics.REPLICATION_FACTOR
            ? InternalTopics.REPLICATION_FACTOR + " unless --broker-config says otherwise"
            : "1 (fewer than 3 brokers)");
    return new EmbeddedTaskCluster(embedded);
  }

  /**
   * Starts the marathon's embedded cluster: internal topics at RF 3 from 3 brokers on (the user's
   * {@code --broker-config} wins), created before any task runs.
   */
  static EmbeddedKafkaCluster startEmbedded(int brokers, UnaryOperator<ClusterSpec> userConfig)
      throws InterruptedException {
    ClusterSpec spec =
        ClusterSpec.ofBrokers(brokers).withBrokerProperties(InternalTopics.brokerSettings(brokers));
    EmbeddedKafkaCluster embedded = EmbeddedKafkaCluster.start(userConfig.apply(spec));
    try (var admin =
        Admins.create(ClientSettings.of(embedded.bootstrapServers()), Duration.ofSeconds(30))) {
      InternalTopics.create(admin, Duration.ofSeconds(60));
    } catch (RuntimeException | InterruptedException e) {
      embedded.close();
      throw e;
    }
    return embedded;
  }

  private static String stamp() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
