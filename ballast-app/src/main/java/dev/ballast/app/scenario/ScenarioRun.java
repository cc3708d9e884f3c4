package dev.ballast.app.scenario;

import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.balance.BalancerSettings;
import dev.ballast.app.http.BallastHttpServer;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.app.task.fault.BandwidthCap;
import dev.ballast.app.task.fault.Fault;
import dev.ballast.app.task.fault.FaultContext;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.spec.ConsumerSpec;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkloadResult;
import dev.ballast.workload.worker.WorkloadRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * One scenario run once its cluster and topic are there: the load, the balancer service, the
 * recorder and the scenario's {@link Fault}. Its phases are steps ({@link #warmUp}, {@link
 * #workload}, {@link #drain}): each does what is due at {@code now} and says when to call it again;
 * none waits. {@link ScenarioEnd} decides when the expected end is reached.
 */
final class ScenarioRun implements FaultContext, AutoCloseable {

  /** Samples in the balancer's load window during scenarios. */
  static final int WINDOW = 4;

  private static final long IDLE_NANOS = Duration.ofMillis(20).toNanos();
  private static final long ERROR_BACKOFF_NANOS = Duration.ofMillis(500).toNanos();

  private final ScenarioSpec original;
  private final ScenarioOptions options;
  private final BooleanSupplier stopped;
  private final NanoClock clock;
  private final Map<Integer, Integer> idOf;
  // The scenario on this cluster's broker ids; a joining broker's id is added when it registers.
  private volatile ScenarioSpec spec;
  private final TaskCluster cluster;
  private final ExperimentLog log;
  private final Admin admin;
  private final Worker worker;
  private final WorkloadRun workload;
  private final BalancerService service;
  private final ScenarioRecorder recorder;
  private final BallastHttpServer http;
  private final CapacityFix capacity;
  private final Fault fault;
  private final Fault cap;
  private final ScenarioEnd end;
  private long warmStart;
  private boolean warming;
  private boolean loadStopped;
  private boolean fired;
  private long triggerAt;
  private double triggerSeconds;
  private WorkloadResult workloadResult;
  private ClusterModel after;

  ScenarioRun(
      ScenarioSpec original,
      ScenarioOptions options,
      Map<Integer, Integer> idOf,
      Set<Integer> excluded,
      TaskCluster cluster,
      ExperimentLog log,
      Path dir,
      Worker worker,
      BooleanSupplier stopped,
      NanoClock clock) {
    this.original = original;
    // The load's worker comes from the task's context: in this JVM, or on worker processes.
    this.worker = java.util.Objects.requireNonNull(worker, "worker");
    this.options = options;
    this.stopped = stopped;
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.idOf = new ConcurrentHashMap<>(idOf);
    this.spec = original.onBrokers(idOf);
    this.cluster = cluster;
    this.log = log;
    ClientSettings client = cluster.client();
    this.admin = Admins.create(client, Duration.ofSeconds(15));
    long start = clock.nanoTime();
    this.recorder = new ScenarioRecorder(spec.topic(), start, clock::nanoTime, log::line);
    this.capacity =
        spec.trigger() == Trigger.CAPACITY
            ? new CapacityFix(
                spec,
                new LiveCapacityActions(spec, cluster, admin, dir, log, clock),
                dir,
                log::line,
                Duration.ofSeconds(options.quick() ? 6 : 10),
                new CapacityLoad(
                    this::stopRequested,
                    this::loadOnSchedule,
                    // The backlog built while the producers were held back is sent once the
                    // latency from the intended send time is back to what the cluster gives (the
                    // rate alone averages a burst and a stall into "on schedule").
                    () -> recorder.produceP99Ms() < 3_000,
                    f -> workload().scaleProducerRates(f),
                    recorder::markBefore),
                clock,
                BackgroundJobs.THREADS)
            : null;
    this.fault = ScenarioFaults.trigger(spec, capacity);
    this.end =
        new ScenarioEnd(
            options, spec.triggerAfter().plus(fault == null ? Duration.ZERO : fault.extraTime()));
    this.workload = newWorkload(client);
    this.service = newService(client, excluded);
    if (spec.bandwidthCap() > 0) {
      Fault cap = new BandwidthCap(spec.bandwidthCap());
      log.line(cap.description());
      cap.inject(this);
      this.cap = cap;
    } else {
      this.cap = null;
    }
    // Every run serves what the balancer sees: /metrics for Prometheus, the dashboard at /.
    this.http = BallastHttpServer.start("127.0.0.1", 0, null, service);
    log.line("metrics: " + http.url().resolve("/metrics") + "  dashboard: " + http.dashboardUrl());
  }

  private WorkloadRun workload() {
    return workload;
  }

  private WorkloadRun newWorkload(ClientSettings client) {
    WorkloadSpec load =
        new WorkloadSpec(
            spec.name(),
            List.of(),
            spec.producers(),
            List.of(
                new ConsumerSpec(
                    spec.topic(),
                    ScenarioRunner.checkGroup(spec),
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
    return new WorkloadRun(
        load,
        worker,
        clientConfig,
        clock,
        new RunListener() {
          @Override
          public void onPeriod(PeriodStats stats) {
            recorder.onProduceP99(stats.intended().p99() / 1e6);
            recorder.onPeriod(clock.nanoTime(), stats.periodNanos(), stats.acked());
            log.quiet("load: " + stats.describe());
          }

          @Override
          public void onEvent(String event) {
            log.line("load: " + event);
          }
        },
        clock.nanoTime() >>> 20,
        options.sampleInterval().multipliedBy(2));
  }

  private BalancerService newService(ClientSettings client, Set<Integer> excluded) {
    BalancerSettings settings =
        BalancerSettings.defaults()
            .withSampling(options.sampleInterval(), WINDOW)
            .withCanary(true, Duration.ofSeconds(1))
            .withTimings(
                Duration.ofSeconds(options.quick() ? 3 : 5),
                Duration.ofSeconds(options.quick() ? 3 : 8))
            // When someone else (the doctor's fix) does the work, the balancer observes.
            .withDryRun(
                options.externalBalancer() || (fault != null && fault.balancerOnlyObserves()))
            // Only the scenario's topic: on a shared cluster nothing else is sampled or moved.
            .withTopics(Pattern.compile(Pattern.quote(spec.topic())))
            .withImbalanceConfirmations(2)
            .withExecutor(ExecutorSettings.defaults().withLimits(10, 50));
    BalancerService s = new BalancerService(admin, client, settings, clock::nanoTime, recorder);
    if (!excluded.isEmpty()) {
      s.exclude(excluded);
    }
    return s;
  }

  /** Returns the scenario on this cluster's broker ids (a joined broker's id included). */
  ScenarioSpec spec() {
    return spec;
  }

  /**
   * Warms up: the load runs until it is steady (clients connecting and JIT warming make the first
   * seconds bursty), then the balancer samples until its window is full.
   */
  Progress warmUp(long now) {
    if (!warming) {
      warming = true;
      warmStart = now;
    }
    if (now - warmStart < options.steadyAfter().toNanos()) {
      return workload.doWork() == 0 ? Progress.again(IDLE_NANOS) : Progress.again(0);
    }
    if (recorder.windowReady()) {
      return Progress.DONE;
    }
    if (now - warmStart > Duration.ofSeconds(60).toNanos()) {
      throw new IllegalStateException("timed out after 60 s waiting for the load window to fill");
    }
    return step(now);
  }

  /** Logs what the workload phase does; called once before its first step. */
  void startWorkload(long now) {
    log.line(
        "workload: balancer running"
            + (fault == null
                ? "; the imbalance is there from the start"
                : "; trigger "
                    + spec.trigger().name().toLowerCase()
                    + " in "
                    + spec.triggerAfter().toSeconds()
                    + " s"));
    end.start(now);
    triggerAt = now + spec.triggerAfter().toNanos();
    if (fault == null) {
      fired = true;
      triggerSeconds = recorder.seconds();
      recorder.onTriggered();
    }
  }

  /**
   * Runs the balancer and the load, fires the fault when due and advances it, until the expected
   * end has held long enough to be judged (or the time is up); then freezes the end state.
   */
  Progress workload(long now) {
    Progress p = step(now);
    if (!fired && now - triggerAt >= 0) {
      log.line("trigger: " + fault.description());
      fault.inject(this);
      fired = true;
      triggerSeconds = recorder.seconds();
      recorder.onTriggered();
    }
    boolean inEffect = fired && (fault == null || fault.advance(this));
    boolean atEnd =
        inEffect
            && ScenarioEnd.reached(spec.expectation(), recorder.latest(), recorder::topicCounts)
            && (fault == null || fault.endReached(this))
            && !service.isExecuting();
    boolean recovered = fault == null || fault.clientsRecovered(this);
    if (!end.observe(now, atEnd, service.isExecuting(), recovered, recorder, triggerSeconds, log)) {
      return p;
    }
    stopLoad();
    return Progress.DONE;
  }

  /** Steps until the consumers have drained what was produced. */
  Progress drain(long now) {
    if (!workload.isDone()) {
      return step(now);
    }
    workloadResult = workload.result();
    return Progress.DONE;
  }

  /**
   * Takes the end state and stops the load (once): at the end of the workload phase, or earlier on
   * a stop request. The end state is judged under load: before the producers stop and rates fall.
   */
  void stopLoad() {
    if (!loadStopped) {
      loadStopped = true;
      after = recorder.latest();
      recorder.freezeWindow();
      workload.requestStop();
      log.line("stopping the load; consumers drain");
    }
  }

  private Progress step(long now) {
    int work = workload.isDone() ? 0 : workload.doWork();
    try {
      work += service.doWork(now);
    } catch (RuntimeException e) {
      recorder.onError(e.getMessage(), e);
      return Progress.again(ERROR_BACKOFF_NANOS);
    }
    return Progress.again(work == 0 ? IDLE_NANOS : 0);
  }

  private boolean stopRequested() {
    return stopped.getAsBoolean();
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

  @Override
  public TaskCluster cluster() {
    return cluster;
  }

  @Override
  public void log(String line) {
    log.line(line);
  }

  @Override
  public void drain(Set<Integer> brokers) {
    service.drain(brokers);
  }

  @Override
  public int replicasOn(int broker) {
    ClusterModel m = recorder.latest();
    return m == null ? -1 : recorder.topicCounts(m).getOrDefault(broker, new int[2])[0];
  }

  @Override
  public double produceP99Ms() {
    return recorder.produceP99Ms();
  }

  @Override
  public int underReplicated() {
    ClusterModel m = recorder.latest();
    return m == null ? -1 : (int) ScenarioChecks.underReplicated(m);
  }

  @Override
  public void brokerAdded(int id) {
    idOf.put(original.target(), id);
    spec = original.onBrokers(idOf);
  }

  /** Records what the run observed into {@code out}, for its checkers and reports. */
  void record(ScenarioObservations out, Path dir) {
    new ScenarioOutcome(recorder, capacity)
        .record(out, dir, after, workloadResult, triggerSeconds, end.convergenceSeconds());
  }

  @Override
  public void close() {
    if (!workload.isDone()) {
      workload.requestStop();
    }
    http.close();
    service.close();
    worker.close();
    for (Fault f : java.util.Arrays.asList(fault, cap)) {
      if (f != null) {
        f.close();
        try {
          f.undo(this);
        } catch (RuntimeException e) {
          log.line("cleanup: could not undo " + f.description() + ": " + e.getMessage());
        }
      }
    }
    admin.close(Duration.ofSeconds(2));
  }
}
