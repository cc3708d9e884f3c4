package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.app.task.TaskContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * One balancing scenario as a {@link Task}, on a cluster it was given (started for it, or the
 * user's): prepare places the topic and sets up load, balancer and fault; warm-up and workload are
 * the steps of {@link ScenarioRun}; cleanup drains the load after a stop, undoes the fault,
 * releases the cluster, records what the run observed ({@code ScenarioKeys}) for its checkers (one
 * per check, {@link #checkers(ScenarioSpec)}) and writes the reports from the judged run. A failure
 * in a phase is kept as the run's error (the reports say it) and the later phases pass through, as
 * {@code demo} always did. {@code demo} and the marathon's {@code scenario} task both run it
 * through the {@code TaskRunner}.
 */
public final class BalancingScenarioTask implements Task {

  /** How long the load may drain after a stop before cleanup goes on without it. */
  private static final java.time.Duration MAX_DRAIN_AFTER_STOP = java.time.Duration.ofSeconds(10);

  private final ScenarioSpec original;
  private final ScenarioOptions options;
  private final TaskCluster cluster;
  private final ExperimentLog log;
  private final Path dir;
  private final long startNanos;
  private final Map<String, Double> phases = new LinkedHashMap<>();
  private TaskContext context;
  private ScenarioSpec spec;
  private ScenarioRun run;
  private String error;
  private String phase;
  private long phaseStart;
  private boolean drained;
  private boolean finished;
  private boolean ownsLog;
  // Where the load runs: the context's worker (demo hands out local or remote ones for this
  // cluster), except in the marathon, whose workers load the marathon's cluster, not this one.
  private java.util.function.Function<TaskContext, dev.ballast.workload.worker.Worker> workers =
      TaskContext::newWorker;
  private ScenarioResult result;

  /**
   * Creates the task of {@code spec} on {@code cluster}, logging to {@code log} and writing its
   * reports into {@code dir}; {@code startNanos} is when its preparation began (the cluster start).
   */
  BalancingScenarioTask(
      ScenarioSpec spec,
      ScenarioOptions options,
      TaskCluster cluster,
      ExperimentLog log,
      Path dir,
      long startNanos) {
    this.original = requireNonNull(spec, "spec");
    this.spec = spec;
    this.options = requireNonNull(options, "options");
    this.cluster = requireNonNull(cluster, "cluster");
    this.log = requireNonNull(log, "log");
    this.dir = requireNonNull(dir, "dir");
    this.startNanos = startNanos;
  }

  /**
   * Makes {@code spec}'s results folder under {@code options.resultsRoot()} and its experiment log
   * (also to {@code console}), starts its embedded cluster (or connects to the user's), and returns
   * the task, which owns log and cluster from then on. One blocking cluster action (the marathon's
   * {@code scenario} task calls it in its prepare).
   */
  public static BalancingScenarioTask open(
      ScenarioSpec spec, ScenarioOptions options, PrintWriter console, BooleanSupplier stopped)
      throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = options.resultsRoot().resolve(spec.name() + "-" + stamp);
    Files.createDirectories(dir.resolve("charts"));
    ExperimentLog log = new ExperimentLog(dir.resolve("experiment.log"), console, spec.name());
    long t0 = System.nanoTime();
    log.line("prepare: " + spec.title());
    try {
      TaskCluster cluster = ScenarioRunner.open(spec, options, log, stopped);
      BalancingScenarioTask task = new BalancingScenarioTask(spec, options, cluster, log, dir, t0);
      task.ownsLog = true;
      task.workers = c -> dev.ballast.workload.worker.LocalWorker.create();
      return task;
    } catch (RuntimeException e) {
      log.line("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      log.close();
      throw e;
    }
  }

  /** Returns the results folder. */
  public Path dir() {
    return dir;
  }

  /** Returns the judged and reported result once cleanup is done, or null before. */
  public ScenarioResult result() {
    return result;
  }

  @Override
  public Progress prepare(TaskContext context, long now) {
    this.context = context;
    try {
      Map<Integer, Integer> idOf = ScenarioRunner.brokerMapping(original, cluster.brokerIds());
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
      ScenarioRunner.prepareTopic(cluster, spec, log);
      phases.put("prepare", seconds(startNanos));
      run =
          new ScenarioRun(
              original,
              options,
              idOf,
              others,
              cluster,
              log,
              dir,
              workers.apply(context),
              context::stopRequested,
              context.clock());
    } catch (RuntimeException e) {
      fail(e);
    }
    return Progress.DONE;
  }

  @Override
  public Progress warmUp(TaskContext context, long now) {
    if (run == null || error != null) {
      return Progress.DONE;
    }
    if (phase == null) {
      begin("warm-up", now);
      log.line("warm-up: the load starts; sampling begins once it is steady");
    }
    return guarded(() -> endIfDone(run.warmUp(now)));
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    if (run == null || error != null) {
      return Progress.DONE;
    }
    if (!"workload".equals(phase) && !"drain".equals(phase)) {
      begin("workload", now);
      run.startWorkload(now);
    }
    return guarded(
        () -> {
          if ("workload".equals(phase)) {
            Progress p = run.workload(now);
            if (!p.done()) {
              return p;
            }
            endPhase();
            begin("drain", now);
            return Progress.again(0);
          }
          return endIfDone(drainStep(now));
        });
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    if (run != null && error == null && !drained && phase != null) {
      // Stopped (Ctrl-C, a timeout) once the load ran: it still drains, and is judged.
      if (!"drain".equals(phase)) {
        endPhase();
        run.stopLoad();
        begin("drain", now);
      }
      Progress p = guarded(() -> endIfDone(drainStep(now)));
      if (!p.done() && now - phaseStart < MAX_DRAIN_AFTER_STOP.toNanos()) {
        return p;
      }
      endPhase();
    }
    finishNow();
    return Progress.DONE;
  }

  /**
   * Releases the cluster and writes the reports if cleanup has not (the runner cut it short), and
   * returns the result; a second call does nothing more.
   */
  public ScenarioResult finishNow() {
    if (result == null) {
      finish();
    }
    return result;
  }

  @Override
  public List<Checker> checkers() {
    return checkers(original);
  }

  private Progress drainStep(long now) {
    Progress p = run.drain(now);
    drained = p.done();
    return p;
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    long c0 = System.nanoTime();
    if (run != null) {
      spec = run.spec();
      run.close();
    }
    ScenarioRunner.cleanup(cluster, spec, log);
    phases.put("cleanup", seconds(c0));
    ScenarioObservations observed = observed(context, spec, dir, phases, error);
    if (error == null && context != null && context.stopRequested()) {
      observed.put(
          ScenarioKeys.STOPPED, "stopped (Ctrl-C, SIGTERM or a time limit) before its end");
    }
    if (run != null) {
      run.record(observed, dir);
    }
    try {
      result = ReportWriter.report(observed, spec, dir, checkers(original), log);
    } finally {
      if (ownsLog) {
        try {
          log.close();
        } catch (IOException e) {
          // The reports are written; a log that cannot be closed loses nothing more.
        }
      }
    }
    if (result.convergenceSeconds() != null) {
      observed.figure(new Figure("convergence-s", result.convergenceSeconds(), "s"));
    }
    observed.figure(new Figure("moved-mb", result.bytesMoved() / 1e6, "MB"));
  }

  /**
   * Returns the checkers of {@code spec}, one per check (each a pure function of the recorded run):
   * the balancing checks that apply to it, the capacity fix's, the report files', and the run's own
   * completion.
   */
  public static List<Checker> checkers(ScenarioSpec spec) {
    return ScenarioChecks.of(spec);
  }

  /**
   * Judges and reports a run of {@code spec} that stopped before its load started ({@code error}
   * says why; its cluster did not start), and returns its result.
   */
  static ScenarioResult notStarted(ScenarioSpec spec, Path dir, String error, ExperimentLog log) {
    return ReportWriter.report(
        observed(null, spec, dir, Map.of("cleanup", 0.0), error), spec, dir, checkers(spec), log);
  }

  private static ScenarioObservations observed(
      TaskContext context, ScenarioSpec spec, Path dir, Map<String, Double> phases, String error) {
    return new ScenarioObservations(context)
        .put(ScenarioKeys.SPEC, spec)
        .put(ScenarioKeys.DIR, dir)
        .put(ScenarioKeys.PHASES, new ScenarioKeys.PhaseSeconds(phases))
        .put(ScenarioKeys.ERROR, error);
  }

  private Progress guarded(java.util.function.Supplier<Progress> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      endPhase();
      fail(e);
      return Progress.DONE;
    }
  }

  private void fail(RuntimeException e) {
    error = e.getMessage() == null ? e.toString() : e.getMessage();
    log.line("error: " + error);
  }

  private void begin(String name, long now) {
    phase = name;
    phaseStart = now;
  }

  private Progress endIfDone(Progress p) {
    if (p.done()) {
      endPhase();
    }
    return p;
  }

  private void endPhase() {
    if (phase != null && !phases.containsKey(phase)) {
      phases.put(phase, (System.nanoTime() - phaseStart) / 1e9);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
