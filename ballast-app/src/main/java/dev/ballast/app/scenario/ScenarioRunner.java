package dev.ballast.app.scenario;

import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.ExternalTaskCluster;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.spec.TopicSpec;
import dev.ballast.workload.worker.TopicPreparer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one scenario through its phases (prepare, warm-up, workload, cleanup): starts an embedded
 * cluster, places the topic, drives the load and the balancer service in-process with its normal
 * detection, fires the trigger, waits for the expected end, stops the load and checks continuity,
 * then judges the run and writes its reports. Cleanup always runs, also on failure and Ctrl-C.
 */
public final class ScenarioRunner {

  private final ScenarioOptions options;
  private final PrintWriter console;
  private volatile boolean stopRequested;

  /** Creates a runner printing progress to {@code console}. */
  public ScenarioRunner(ScenarioOptions options, PrintWriter console) {
    this.options = options;
    this.console = console;
  }

  /** Asks the run in progress to stop early (Ctrl-C); cleanup and reports still happen. */
  public void requestStop() {
    stopRequested = true;
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
      ScenarioResult result = ReportWriter.write(runLogged(spec, dir, log));
      log.line("results: " + dir.toAbsolutePath());
      log.line(result.passed() ? "PASS" : "FAIL");
      return result;
    }
  }

  private ScenarioResult runLogged(ScenarioSpec original, Path dir, ExperimentLog log) {
    Map<String, Double> phases = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    log.line("prepare: " + original.title());
    TaskCluster cluster = null;
    ScenarioRun run = null;
    String error = null;
    ScenarioSpec spec = original;
    try {
      cluster = options.external() == null ? startEmbedded(original, log) : connect(log);
      Map<Integer, Integer> idOf = brokerMapping(original, cluster.brokerIds());
      spec = original.onBrokers(idOf);
      Set<Integer> others = new TreeSet<>(cluster.brokerIds());
      others.removeAll(idOf.values());
      if (!others.isEmpty()) {
        log.line(
            "the scenario runs on brokers "
                + idOf.values()
                + "; brokers "
                + others
                + " are excluded (they receive none of its partitions)");
      }
      prepareTopic(cluster, spec, log);
      phases.put("prepare", (System.nanoTime() - t0) / 1e9);
      run =
          new ScenarioRun(
              original, options, idOf, others, cluster, log, dir, this::isStopRequested);
      drive(run, phases, log);
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      log.line("error: " + error);
    } finally {
      long c0 = System.nanoTime();
      if (run != null) {
        spec = run.spec();
        run.close();
      }
      if (cluster != null) {
        cleanup(cluster, spec, log);
      }
      phases.put("cleanup", (System.nanoTime() - c0) / 1e9);
    }
    return run == null
        ? ScenarioOutcome.notStarted(spec, dir, phases, error)
        : run.result(dir, phases, error);
  }

  /**
   * Runs the steps of warm-up, workload and drain one after the other, each until it is done; a
   * stop request ends warm-up and workload early (the load still drains). The one wait is here.
   */
  private void drive(ScenarioRun run, Map<String, Double> phases, ExperimentLog log) {
    long warm = System.nanoTime();
    log.line("warm-up: the load starts; sampling begins once it is steady");
    boolean stopped = !until(run::warmUp, true);
    phases.put("warm-up", (System.nanoTime() - warm) / 1e9);
    long work = System.nanoTime();
    if (!stopped) {
      run.startWorkload(work);
      until(run::workload, true);
    }
    phases.put("workload", (System.nanoTime() - work) / 1e9);
    long drain = System.nanoTime();
    run.stopLoad();
    until(run::drain, false);
    phases.put("drain", (System.nanoTime() - drain) / 1e9);
  }

  /**
   * Calls {@code step} until it is done, waiting what it asks in between; returns false when a stop
   * request ended it first ({@code stoppable}).
   */
  private boolean until(java.util.function.LongFunction<Progress> step, boolean stoppable) {
    while (true) {
      if (stoppable && stopRequested) {
        return false;
      }
      Progress p = step.apply(System.nanoTime());
      if (p.done()) {
        return true;
      }
      if (p.nanosUntilNext() > 0) {
        LockSupport.parkNanos(p.nanosUntilNext());
      }
    }
  }

  /** Maps broker i of the scenario to the cluster's i-th broker (the identity on the embedded). */
  private static Map<Integer, Integer> brokerMapping(ScenarioSpec spec, List<Integer> ids) {
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

  private static void prepareTopic(TaskCluster cluster, ScenarioSpec spec, ExperimentLog log) {
    try (Admin admin = Admins.create(cluster.client(), Duration.ofSeconds(15))) {
      if (!cluster.isEmbedded()) {
        refuseLeftovers(admin, spec);
      }
      new TopicPreparer(admin, Duration.ofSeconds(30))
          .prepare(List.of(new TopicSpec(spec.topic(), null, null, spec.placement(), Map.of())))
          .forEach(log::line);
    }
  }

  private static void cleanup(TaskCluster cluster, ScenarioSpec spec, ExperimentLog log) {
    if (cluster.isEmbedded()) {
      cluster.close();
      log.line("cleanup: every broker stopped, data deleted");
    } else {
      removeScenarioData(cluster.client(), spec, log);
      cluster.close();
    }
  }

  private TaskCluster startEmbedded(ScenarioSpec spec, ExperimentLog log) {
    EmbeddedKafkaCluster embedded = EmbeddedKafkaCluster.start(ScenarioFaults.cluster(spec));
    log.line("cluster up: " + embedded.bootstrapServers());
    return EmbeddedTaskCluster.owning(embedded);
  }

  private TaskCluster connect(ExperimentLog log) {
    ExternalTarget t = options.external();
    log.line("cluster: " + t.client().bootstrapServers() + " (external: nothing is started)");
    return ExternalTaskCluster.connect(t.client(), t.commands(), log::line, this::isStopRequested);
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
