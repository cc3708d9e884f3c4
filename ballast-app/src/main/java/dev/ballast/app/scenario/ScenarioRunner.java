package dev.ballast.app.scenario;

import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.ExternalTaskCluster;
import dev.ballast.app.task.RunContext;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.app.task.TaskLimits;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskRunner;
import dev.ballast.app.worker.ScenarioWorkers;
import dev.ballast.app.worker.WorkerSupply;
import dev.ballast.core.loop.IdleStrategy;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.spec.TopicSpec;
import dev.ballast.workload.worker.TopicPreparer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one scenario as a task ({@link BalancingScenarioTask}) through the same {@link TaskRunner}
 * the marathon uses: it makes the results folder and the experiment log, starts the scenario's
 * embedded cluster (or connects to the user's), drives the runner to its end on this thread, and
 * returns the reported result. The load runs on the workers of {@link ScenarioWorkers} (in this
 * JVM, or on worker processes for this scenario's cluster). Cleanup always runs, also on failure
 * and Ctrl-C.
 */
public final class ScenarioRunner {

  /** The limits of one scenario run: the capacity scenario alone may take 10 minutes and more. */
  static final TaskLimits LIMITS =
      new TaskLimits(Duration.ofMinutes(30), Map.of(TaskPhase.CLEANUP, Duration.ofMinutes(5)));

  private final ScenarioOptions options;
  private final PrintWriter console;
  private final ScenarioWorkers workers;
  private final IdleStrategy idle = ParkingIdleStrategy.standard();
  private volatile boolean stopRequested;
  private volatile TaskRunner current;

  /** Creates a runner printing progress to {@code console}; the load runs on {@code workers}. */
  public ScenarioRunner(ScenarioOptions options, PrintWriter console, ScenarioWorkers workers) {
    this.options = options;
    this.console = console;
    this.workers = java.util.Objects.requireNonNull(workers, "workers");
  }

  /** Asks the run in progress to stop early (Ctrl-C); cleanup and reports still happen. */
  public void requestStop() {
    stopRequested = true;
    TaskRunner r = current;
    if (r != null) {
      r.requestStop();
    }
  }

  /** Returns whether a stop was requested. */
  public boolean isStopRequested() {
    return stopRequested;
  }

  /** Runs {@code spec} and returns its result; reports are written to the result's folder. */
  public ScenarioResult run(ScenarioSpec spec) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = options.resultsRoot().resolve(spec.name() + "-" + stamp);
    Files.createDirectories(dir.resolve("charts"));
    try (ExperimentLog log =
        new ExperimentLog(dir.resolve("experiment.log"), console, spec.name())) {
      long t0 = System.nanoTime();
      log.line("prepare: " + spec.title());
      TaskCluster cluster;
      try {
        cluster = open(spec, options, log, this::isStopRequested);
      } catch (RuntimeException e) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        log.line("error: " + error);
        return BalancingScenarioTask.notStarted(spec, dir, error, log);
      }
      WorkerSupply supply;
      try {
        supply = workers.supply(cluster.client(), dir.resolve("workers"), lines(log));
      } catch (RuntimeException e) {
        cluster.close();
        String error = "cannot start the workers: " + e.getMessage();
        log.line("error: " + error);
        return BalancingScenarioTask.notStarted(spec, dir, error, log);
      }
      BalancingScenarioTask task = new BalancingScenarioTask(spec, options, cluster, log, dir, t0);
      try {
        drive(spec, task, cluster, supply, dir, log);
      } finally {
        try {
          task.finishNow();
        } finally {
          // The run's worker is closed by now; this stops the processes forked for it.
          supply.printLastRun();
          supply.close();
        }
      }
      return task.result();
    }
  }

  /** Runs {@code task} through a {@link TaskRunner} on this thread until it is judged. */
  private void drive(
      ScenarioSpec spec,
      BalancingScenarioTask task,
      TaskCluster cluster,
      WorkerSupply supply,
      Path dir,
      ExperimentLog log) {
    RunContext context =
        new RunContext(
            spec.name(),
            1,
            System.nanoTime() >>> 20,
            options.quick(),
            cluster,
            supply,
            NanoClock.SYSTEM,
            Instant.now(),
            dir,
            e -> log.quiet("task: " + e.kind() + " " + e.severity() + ": " + e.message()));
    TaskRunner runner = new TaskRunner("scenario", task, LIMITS, List.of(), context);
    current = runner;
    if (stopRequested) {
      runner.requestStop();
    }
    try {
      while (!runner.isDone()) {
        long now = System.nanoTime();
        if (runner.doWork(now) == 0) {
          idle.idle(0, runner.nanosUntilWork(now));
        }
      }
    } finally {
      current = null;
    }
  }

  /**
   * Returns the cluster {@code spec} runs on: its own embedded one, started and shaped for its
   * fault (closed by its cleanup), or the user's ({@code --bootstrap-server}).
   */
  static TaskCluster open(
      ScenarioSpec spec, ScenarioOptions options, ExperimentLog log, BooleanSupplier stopped) {
    ExternalTarget t = options.external();
    if (t == null) {
      EmbeddedKafkaCluster embedded = EmbeddedKafkaCluster.start(ScenarioFaults.cluster(spec));
      log.line("cluster up: " + embedded.bootstrapServers());
      return EmbeddedTaskCluster.owning(embedded);
    }
    log.line("cluster: " + t.client().bootstrapServers() + " (external: nothing is started)");
    return ExternalTaskCluster.connect(t.client(), t.commands(), log::line, stopped);
  }

  /** Returns a writer whose every line goes to {@code log} (and so to the console). */
  private static PrintWriter lines(ExperimentLog log) {
    return new PrintWriter(
        new Writer() {
          private final StringBuilder line = new StringBuilder();

          @Override
          public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
              if (chars[i] == '\n') {
                log.line(line.toString());
                line.setLength(0);
              } else if (chars[i] != '\r') {
                line.append(chars[i]);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  /** Maps broker i of the scenario to the cluster's i-th broker (the identity on the embedded). */
  static Map<Integer, Integer> brokerMapping(ScenarioSpec spec, List<Integer> ids) {
    if (ids.size() < spec.brokers()) {
      throw new IllegalStateException(
          spec.name()
              + " needs at least "
              + spec.brokers()
              + " brokers; the cluster has "
              + ids.size()
              + " "
              + ids);
    }
    Map<Integer, Integer> idOf = new TreeMap<>();
    for (int i = 0; i < spec.brokers(); i++) {
      idOf.put(i, ids.get(i));
    }
    return idOf;
  }

  static void prepareTopic(TaskCluster cluster, ScenarioSpec spec, ExperimentLog log) {
    try (Admin admin = Admins.create(cluster.client(), Duration.ofSeconds(15))) {
      if (!cluster.isEmbedded()) {
        refuseLeftovers(admin, spec);
      }
      new TopicPreparer(admin, Duration.ofSeconds(30))
          .prepare(List.of(new TopicSpec(spec.topic(), null, null, spec.placement(), Map.of())))
          .forEach(log::line);
    }
  }

  static void cleanup(TaskCluster cluster, ScenarioSpec spec, ExperimentLog log) {
    if (cluster.isEmbedded()) {
      cluster.close();
      log.line("cleanup: every broker stopped, data deleted");
    } else {
      removeScenarioData(cluster.client(), spec, log);
      cluster.close();
    }
  }

  /**
   * Refuses to run over a topic or group a previous demo left (deleting them is the user's call).
   */
  private static void refuseLeftovers(Admin admin, ScenarioSpec spec) {
    Set<String> topics =
        AdminCalls.get(admin.listTopics().names(), Duration.ofSeconds(15), "list topics");
    if (topics.contains(spec.topic())) {
      throw new IllegalStateException(
          "topic "
              + spec.topic()
              + " exists already (left by an interrupted demo?); delete it first: kafka-topics.sh"
              + " --bootstrap-server ... --delete --topic "
              + spec.topic());
    }
  }

  /** On an external cluster, deletes what the scenario created: its topic and consumer group. */
  private static void removeScenarioData(
      ClientSettings client, ScenarioSpec spec, ExperimentLog log) {
    try (Admin admin = Admins.create(client, Duration.ofSeconds(15))) {
      AdminCalls.get(
          admin.deleteTopics(List.of(spec.topic())).all(),
          Duration.ofSeconds(30),
          "delete topic " + spec.topic());
      try {
        AdminCalls.get(
            admin.deleteConsumerGroups(List.of(checkGroup(spec))).all(),
            Duration.ofSeconds(30),
            "delete consumer group " + checkGroup(spec));
      } catch (RuntimeException e) {
        log.line("cleanup: consumer group " + checkGroup(spec) + " not deleted: " + e.getMessage());
      }
      log.line(
          "cleanup: topic "
              + spec.topic()
              + " and group "
              + checkGroup(spec)
              + " deleted; the cluster keeps running");
    } catch (RuntimeException e) {
      log.line(
          "cleanup: could not delete topic "
              + spec.topic()
              + " ("
              + e.getMessage()
              + "); delete it with kafka-topics.sh --delete --topic "
              + spec.topic());
    }
  }

  static String checkGroup(ScenarioSpec spec) {
    return spec.name() + "-check";
  }
}
