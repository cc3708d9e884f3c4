package dev.ballast.app.scenario;

import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.balance.BalancerSettings;
import dev.ballast.app.http.BallastHttpServer;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.spec.ConsumerSpec;
import dev.ballast.workload.spec.TopicSpec;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.TopicPreparer;
import dev.ballast.workload.worker.WorkloadResult;
import dev.ballast.workload.worker.WorkloadRun;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one scenario through its phases (prepare, warm-up, workload, cleanup): starts an embedded
 * cluster, places the topic, drives the load and the balancer service in-process with its normal
 * detection, fires the trigger, waits for the expected end, stops the load and checks continuity,
 * then judges the run and writes its reports. Cleanup always runs, also on failure and Ctrl-C.
 */
public final class ScenarioRunner {

  /** Samples in the balancer's load window during scenarios. */
  private static final int WINDOW = 4;

  /** Samples after convergence before the end is judged: a full window, plus a margin. */
  private static final int SETTLE_SAMPLES = WINDOW + 2;

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
    ScenarioCluster cluster = null;
    Run run = null;
    String error = null;
    ScenarioSpec spec = original;
    try {
      cluster = options.external() == null ? startEmbedded(original, log) : connect(log);
      List<Integer> ids = cluster.brokerIds();
      if (ids.size() < original.brokers()) {
        throw new IllegalStateException(
            original.name()
                + " needs at least "
                + original.brokers()
                + " brokers; the cluster has "
                + ids.size()
                + " "
                + ids);
      }
      // Broker i of the scenario is the cluster's i-th broker (the identity on the embedded one).
      Map<Integer, Integer> idOf = new java.util.TreeMap<>();
      for (int i = 0; i < original.brokers(); i++) {
        idOf.put(i, ids.get(i));
      }
      spec = original.onBrokers(idOf);
      Set<Integer> others = new java.util.TreeSet<>(ids);
      others.removeAll(idOf.values());
      if (!others.isEmpty()) {
        log.line(
            "the scenario runs on brokers "
                + idOf.values()
                + "; brokers "
                + others
                + " are excluded (they receive none of its partitions)");
      }
      ClientSettings client = cluster.client();
      try (Admin admin = Admins.create(client, Duration.ofSeconds(15))) {
        if (!cluster.isEmbedded()) {
          refuseLeftovers(admin, spec);
        }
        new TopicPreparer(admin, Duration.ofSeconds(30))
            .prepare(List.of(new TopicSpec(spec.topic(), null, null, spec.placement(), Map.of())))
            .forEach(log::line);
      }
      phases.put("prepare", (System.nanoTime() - t0) / 1e9);
      run = new Run(original, idOf, others, cluster, log, dir);
      run.execute(phases);
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.toString() : e.getMessage();
      log.line("error: " + error);
    } finally {
      long c0 = System.nanoTime();
      if (run != null) {
        spec = run.spec;
        run.close();
      }
      if (cluster != null) {
        if (cluster.isEmbedded()) {
          cluster.close();
          log.line("cleanup: every broker stopped, data deleted");
        } else {
          removeScenarioData(cluster.client(), spec, log);
          cluster.close();
        }
      }
      phases.put("cleanup", (System.nanoTime() - c0) / 1e9);
    }
    return run == null
        ? new ScenarioResult(
            spec, dir, List.of(), null, null, List.of(), null, 0, null, 0, 0, 0, List.of(), phases,
            List.of(), error)
        : run.result(dir, phases, error);
  }

  private ScenarioCluster startEmbedded(ScenarioSpec spec, ExperimentLog log) {
    ClusterSpec clusterSpec = ClusterSpec.ofBrokers(spec.brokers());
    if (spec.trigger() == Trigger.KILL) {
      // With internal topics at RF 1, killing a broker takes down the consumer groups (and
      // producer state) coordinated there; a cluster that survives a broker death replicates
      // them.
      clusterSpec =
          clusterSpec.withBrokerProperties(
              Map.of(
                  "offsets.topic.replication.factor", "2",
                  "transaction.state.log.replication.factor", "2"));
    }
    if (spec.trigger() == Trigger.CAPACITY) {
      // Two racks stand for two availability zones. Followers leave the ISR after 2 s behind
      // instead of 30 s, so under-replication shows within the demo's time.
      // More heap than the default: 1 MB batches in multi-MB requests and fetches of up to 10 MB
      // press on 192 MB, and a GC pause longer than the broker's 3 s session would fence it.
      clusterSpec =
          clusterSpec
              .withRacks(List.of("az-a", "az-b"))
              .withBrokerHeapMb(320)
              .withBrokerProperties(Map.of("replica.lag.time.max.ms", "2000"));
    }
    EmbeddedKafkaCluster embedded = EmbeddedKafkaCluster.start(clusterSpec);
    log.line("cluster up: " + embedded.bootstrapServers());
    if (spec.bandwidthCap() > 0) {
      for (var b : embedded.brokers()) {
        embedded.setBandwidth(b.id(), spec.bandwidthCap());
      }
      log.line(
          "every broker's network capped at "
              + dev.ballast.app.balance.ConsoleListener.bytes(spec.bandwidthCap())
              + "/s each way");
    }
    return new EmbeddedScenarioCluster(embedded);
  }

  private ScenarioCluster connect(ExperimentLog log) {
    ExternalTarget t = options.external();
    log.line("cluster: " + t.client().bootstrapServers() + " (external: nothing is started)");
    return ExternalScenarioCluster.connect(t, log::line, this::isStopRequested);
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

  private static String checkGroup(ScenarioSpec spec) {
    return spec.name() + "-check";
  }

  /** The state of one run: cluster, load, balancer, recorder. */
  private final class Run implements AutoCloseable {
    private final ScenarioSpec original;
    private final Map<Integer, Integer> idOf;
    // The scenario on this cluster's broker ids; a joining broker's id is added when it registers.
    private volatile ScenarioSpec spec;
    private final ScenarioCluster cluster;
    private final ExperimentLog log;
    private final Admin admin;
    private final LocalWorker worker = LocalWorker.create();
    private final WorkloadRun workload;
    private final BalancerService service;
    private final ScenarioRecorder recorder;
    private final BallastHttpServer http;
    private final long start = System.nanoTime();
    private final AtomicReference<String> triggerError = new AtomicReference<>();
    private double triggerSeconds;
    private Double convergenceSeconds;
    private WorkloadResult workloadResult;
    private Thread triggerThread;
    private boolean stoppedDrained;
    private volatile boolean stopConfirmed;
    private ClusterModel after;
    private final CapacityFix capacity;

    Run(
        ScenarioSpec original,
        Map<Integer, Integer> idOf,
        Set<Integer> excluded,
        ScenarioCluster cluster,
        ExperimentLog log,
        Path dir) {
      this.original = original;
      this.idOf = new java.util.concurrent.ConcurrentHashMap<>(idOf);
      ScenarioSpec spec = original.onBrokers(idOf);
      this.spec = spec;
      this.cluster = cluster;
      ClientSettings client = cluster.client();
      this.log = log;
      this.admin = Admins.create(client, Duration.ofSeconds(15));
      this.recorder = new ScenarioRecorder(spec.topic(), start, System::nanoTime, log::line);
      this.capacity =
          spec.trigger() == Trigger.CAPACITY
              ? new CapacityFix(
                  spec,
                  cluster,
                  admin,
                  dir,
                  log,
                  Duration.ofSeconds(options.quick() ? 6 : 10),
                  () -> stopRequested,
                  this::loadOnSchedule,
                  // The backlog built while the producers were held back is sent once the
                  // latency from the intended send time is back to what the cluster gives (the
                  // rate alone averages a burst and a stall into "on schedule").
                  () -> recorder.produceP99Ms() < 3_000,
                  this::scaleLoad,
                  recorder::markBefore)
              : null;
      WorkloadSpec load =
          new WorkloadSpec(
              spec.name(),
              List.of(),
              spec.producers(),
              List.of(
                  new ConsumerSpec(
                      spec.topic(),
                      checkGroup(spec),
                      1,
                      Duration.ZERO,
                      // Committed offsets are how the sampler (and the doctor) see consumer
                      // traffic: committed every second they follow it; every 5 s (the default)
                      // a short window sees a burst or nothing.
                      Map.of("auto.commit.interval.ms", "1000"))),
              Duration.ofMinutes(30),
              Duration.ofSeconds(options.quick() ? 1 : 3),
              Duration.ofSeconds(60));
      Map<String, Object> clientConfig = new java.util.HashMap<>(client.properties());
      clientConfig.put("bootstrap.servers", client.bootstrapServers());
      this.workload =
          new WorkloadRun(
              load,
              worker,
              clientConfig,
              NanoClock.SYSTEM,
              new RunListener() {
                @Override
                public void onPeriod(PeriodStats stats) {
                  recorder.onProduceP99(stats.intended().p99() / 1e6);
                  recorder.onPeriod(System.nanoTime(), stats.periodNanos(), stats.acked());
                  log.quiet("load: " + stats.describe());
                }

                @Override
                public void onEvent(String event) {
                  log.line("load: " + event);
                }
              },
              System.nanoTime() >>> 20,
              options.sampleInterval().multipliedBy(2));
      BalancerSettings settings =
          BalancerSettings.defaults()
              .withSampling(options.sampleInterval(), WINDOW)
              .withCanary(true, Duration.ofSeconds(1))
              .withTimings(
                  Duration.ofSeconds(options.quick() ? 3 : 5),
                  Duration.ofSeconds(options.quick() ? 3 : 8))
              // In the capacity scenario the doctor's fix does the work; the balancer observes.
              .withDryRun(options.externalBalancer() || spec.trigger() == Trigger.CAPACITY)
              // Only the scenario's topic: on a shared cluster nothing else is sampled or moved.
              .withTopics(
                  java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(spec.topic())))
              .withImbalanceConfirmations(2)
              .withExecutor(ExecutorSettings.defaults().withLimits(10, 50));
      this.service = new BalancerService(admin, client, settings, System::nanoTime, recorder);
      if (!excluded.isEmpty()) {
        service.exclude(excluded);
      }
      // Every run serves what the balancer sees: /metrics for Prometheus, the dashboard at /.
      this.http = BallastHttpServer.start("127.0.0.1", 0, null, service);
      log.line(
          "metrics: " + http.url().resolve("/metrics") + "  dashboard: " + http.dashboardUrl());
    }

    void execute(Map<String, Double> phases) {
      long warm = System.nanoTime();
      log.line("warm-up: the load starts; sampling begins once it is steady");
      // Clients connecting and JIT warming make the first seconds bursty: sample steady load only.
      long steadyAt = warm + options.steadyAfter().toNanos();
      while (System.nanoTime() - steadyAt < 0 && !stopRequested) {
        if (workload.doWork() == 0) {
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
      }
      while (!recorder.windowReady() && !stopRequested) {
        step();
        checkTimeout(warm, Duration.ofSeconds(60), "the load window to fill");
      }
      phases.put("warm-up", (System.nanoTime() - warm) / 1e9);
      long work = System.nanoTime();
      log.line(
          "workload: balancer running"
              + (spec.trigger() == Trigger.NONE
                  ? "; the imbalance is there from the start"
                  : "; trigger "
                      + spec.trigger().name().toLowerCase()
                      + " in "
                      + spec.triggerAfter().toSeconds()
                      + " s"));
      boolean fired = spec.trigger() == Trigger.NONE;
      long triggerAt = System.nanoTime() + spec.triggerAfter().toNanos();
      if (fired) {
        triggerSeconds = recorder.seconds();
        recorder.onTriggered();
      }
      Duration limit = options.convergenceTimeout().plus(spec.triggerAfter());
      if (spec.trigger() == Trigger.CAPACITY) {
        // The trigger itself takes time: the overload must show, the doctor samples, new brokers
        // start, and the rebalance copies the partitions through the capped network.
        limit = limit.plus(Duration.ofMinutes(6));
      }
      long settleFrom = -1;
      int samplesAtConvergence = 0;
      while (!stopRequested) {
        step();
        if (triggerError.get() != null) {
          throw new IllegalStateException("trigger failed: " + triggerError.get());
        }
        if (!fired && System.nanoTime() - triggerAt >= 0) {
          fire();
          fired = true;
          triggerSeconds = recorder.seconds();
          recorder.onTriggered();
        }
        if (fired && spec.trigger() == Trigger.DRAIN_AND_STOP && !stoppedDrained && drained()) {
          stoppedDrained = true;
          log.line("broker " + spec.target() + " is empty; stopping it");
          int target = spec.target();
          background(
              () -> {
                cluster.stopBroker(target);
                stopConfirmed = true;
              });
        }
        boolean atEnd =
            fired && triggerDone() && reachedExpectedEnd() && balanced() && !service.isExecuting();
        if (atEnd && convergenceSeconds == null) {
          convergenceSeconds = recorder.seconds() - triggerSeconds;
          log.line(
              String.format(
                  java.util.Locale.ROOT,
                  "converged %.1f s after the trigger; observing the end state",
                  convergenceSeconds));
          settleFrom = System.nanoTime();
          samplesAtConvergence = recorder.samples();
        }
        if (!atEnd && convergenceSeconds != null && !service.isExecuting()) {
          convergenceSeconds = null; // the end state did not hold
          settleFrom = -1;
        }
        // The end is judged on a window taken wholly after convergence (sampling slows under load).
        if (settleFrom > 0
            && System.nanoTime() - settleFrom >= options.settle().toNanos()
            && recorder.samples() - samplesAtConvergence >= SETTLE_SAMPLES
            && latencyRecovered()) {
          break;
        }
        if (System.nanoTime() - work > limit.toNanos()) {
          log.line("no convergence within " + limit.toSeconds() + " s");
          break;
        }
      }
      phases.put("workload", (System.nanoTime() - work) / 1e9);
      // The end state is judged under load: before the producers stop and the rates fall.
      after = recorder.latest();
      recorder.freezeWindow();
      long drain = System.nanoTime();
      workload.requestStop();
      log.line("stopping the load; consumers drain");
      while (!workload.isDone()) {
        step();
      }
      workloadResult = workload.result();
      phases.put("drain", (System.nanoTime() - drain) / 1e9);
    }

    private void step() {
      int work = workload.isDone() ? 0 : workload.doWork();
      try {
        work += service.doWork(System.nanoTime());
      } catch (RuntimeException e) {
        recorder.onError(e.getMessage(), e);
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      }
      if (work == 0) {
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }

    private void checkTimeout(long since, Duration limit, String what) {
      if (System.nanoTime() - since > limit.toNanos()) {
        throw new IllegalStateException(
            "timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
    }

    private void fire() {
      switch (spec.trigger()) {
        case ADD_BROKER -> {
          log.line("trigger: a new broker joins");
          background(
              () -> {
                int id = cluster.addBroker();
                log.line("broker " + id + " registered");
                idOf.put(original.target(), id);
                spec = original.onBrokers(idOf);
              });
        }
        case DRAIN_AND_STOP -> {
          log.line("trigger: broker " + spec.target() + " is decommissioned (drain, then stop)");
          service.drain(Set.of(spec.target()));
        }
        case KILL -> {
          log.line("trigger: broker " + spec.target() + " is killed (-9)");
          background(() -> cluster.killBroker(spec.target()));
        }
        case SLOW -> {
          log.line(
              "trigger: "
                  + spec.slowLatency().toMillis()
                  + " ms latency injected on broker "
                  + spec.target());
          cluster.setLatency(spec.target(), spec.slowLatency());
        }
        case CAPACITY -> {
          log.line("trigger: the doctor is called once partitions fall out of sync");
          background(capacity::run);
        }
        case NONE -> {}
      }
    }

    private void background(Runnable action) {
      triggerThread =
          new Thread(
              () -> {
                try {
                  action.run();
                } catch (RuntimeException e) {
                  triggerError.set(e.getMessage());
                }
              },
              "ballast-scenario-trigger");
      triggerThread.setDaemon(true);
      triggerThread.start();
    }

    /**
     * Returns whether the producers acknowledged their target rate (within 10%) over the last four
     * load periods together: neither held back nor sending a backlog. (Acks come in bursts when
     * latency is high, so single periods swing either way.)
     */
    private boolean loadOnSchedule() {
      double target = spec.producers().stream().mapToDouble(p -> p.messagesPerSecond()).sum();
      double rate = recorder.ackedRate(4);
      return rate >= 0.9 * target && rate <= 1.1 * target;
    }

    private void scaleLoad(double factor) {
      workload.scaleProducerRates(factor);
    }

    private boolean triggerDone() {
      if (triggerThread != null && triggerThread.isAlive()) {
        return false;
      }
      return spec.trigger() != Trigger.DRAIN_AND_STOP || (stoppedDrained && stopConfirmed);
    }

    private boolean drained() {
      ClusterModel m = recorder.latest();
      return m != null && recorder.topicCounts(m).getOrDefault(spec.target(), new int[2])[0] == 0;
    }

    /**
     * For slow-node the end includes the producers' recovery: open-loop latency stays high until
     * the backlog built while the broker was slow has been sent and client retries have settled.
     */
    private boolean latencyRecovered() {
      return spec.trigger() != Trigger.SLOW
          || recorder.produceP99Ms() < spec.slowLatency().toMillis();
    }

    /**
     * For imbalance and scale-up scenarios the end must also be balanced in the scenario's metric.
     */
    private boolean balanced() {
      if (spec.trigger() != Trigger.NONE && spec.trigger() != Trigger.ADD_BROKER) {
        return true;
      }
      ClusterModel m = recorder.latest();
      return m != null
          && ScenarioChecks.maxOverMean(m, spec.expectation().metric())
              <= ScenarioChecks.BALANCED_AFTER;
    }

    private boolean reachedExpectedEnd() {
      ClusterModel m = recorder.latest();
      if (m == null) {
        return false;
      }
      if (spec.trigger() == Trigger.CAPACITY && ScenarioChecks.underReplicated(m) > 0) {
        return false; // the fixed cluster is judged in sync, not while a follower catches up
      }
      Map<Integer, int[]> counts = recorder.topicCounts(m);
      Expectation e = spec.expectation();
      if (e.replicasPerBroker() != null) {
        for (var x : e.replicasPerBroker().entrySet()) {
          if (counts.getOrDefault(x.getKey(), new int[2])[0] != x.getValue()) {
            return false;
          }
        }
      }
      if (e.leadersPerBroker() != null) {
        for (var x : e.leadersPerBroker().entrySet()) {
          if (counts.getOrDefault(x.getKey(), new int[2])[1] != x.getValue()) {
            return false;
          }
        }
      }
      return true;
    }

    ScenarioResult result(Path dir, Map<String, Double> phases, String error) {
      List<Plan> plans = recorder.executedPlans();
      int moves = plans.stream().mapToInt(p -> p.summary().replicaMoves()).sum();
      int leaders = plans.stream().mapToInt(p -> p.summary().leadershipTransfers()).sum();
      long bytes = plans.stream().mapToLong(p -> p.summary().bytesToMove()).sum();
      ClusterModel end = after != null ? after : recorder.latest();
      ClusterModel before = recorder.before() != null ? recorder.before() : end;
      List<Check> checks = new java.util.ArrayList<>();
      if (error == null && workloadResult != null) {
        checks.addAll(
            new ScenarioChecks(spec, recorder, workloadResult, convergenceSeconds, dir)
                .all(before, end));
        if (capacity != null) {
          checks.addAll(capacity.checks());
        }
      }
      return new ScenarioResult(
          spec,
          dir,
          checks,
          before,
          end,
          recorder.timeline(),
          workloadResult,
          triggerSeconds,
          convergenceSeconds,
          moves,
          leaders,
          bytes,
          recorder.executionStarts(),
          phases,
          recorder.anomalyLog(),
          error);
    }

    @Override
    public void close() {
      if (!workload.isDone()) {
        workload.requestStop();
      }
      http.close();
      service.close();
      worker.close();
      admin.close(Duration.ofSeconds(2));
      if (triggerThread != null) {
        try {
          triggerThread.join(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
