package dev.ballast.app.task.builtin;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.scenario.ScenarioOptions;
import dev.ballast.app.scenario.ScenarioResult;
import dev.ballast.app.scenario.ScenarioRunner;
import dev.ballast.app.scenario.Scenarios;
import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.Requirements;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskContext;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * {@code scenario}: one of {@code demo}'s balancing scenarios inside the marathon. The scenario
 * runs as {@code demo} runs it (its own embedded cluster, its load, the trigger, Ballast's balancer
 * or an external one), on a thread of its own that the steps watch; its reports go into the run's
 * folder and its checks become verdicts ({@link ScenarioCheck}).
 */
public final class ScenarioTask implements Task {

  private static final long POLL_NANOS = 500_000_000L;

  private final ScenarioTaskConfig config;
  private final TaskOptions options;
  private ScenarioRunner runner;
  private PrintWriter log;
  private Thread thread;
  private volatile ScenarioResult result;
  private volatile Throwable failure;

  /** Creates the task. */
  public ScenarioTask(ScenarioTaskConfig config, TaskOptions options) {
    this.config = requireNonNull(config, "config");
    this.options = requireNonNull(options, "options");
  }

  @Override
  public Requirements requirements() {
    // The scenario starts and faults its own embedded cluster, as demo does.
    return Requirements.NONE.embedded();
  }

  @Override
  public Progress prepare(TaskContext context, long now) throws IOException {
    Duration convergence =
        config.convergenceTimeout() != null
            ? config.convergenceTimeout()
            : Duration.ofSeconds(options.quick() ? 60 : 90);
    log =
        new PrintWriter(
            Files.newBufferedWriter(
                context.resultsDir().resolve("scenario.log"), StandardCharsets.UTF_8),
            true);
    runner =
        new ScenarioRunner(
            new ScenarioOptions(
                options.quick(),
                context.resultsDir(),
                options.externalBalancer(),
                convergence,
                null),
            log);
    return Progress.DONE;
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    if (thread == null) {
      var spec = Scenarios.catalogue(options.quick()).get(config.scenario());
      thread =
          new Thread(
              () -> {
                try {
                  result = runner.run(spec);
                } catch (IOException | RuntimeException e) {
                  failure = e;
                }
              },
              "ballast-scenario-" + config.scenario());
      thread.setDaemon(true);
      thread.start();
      context.note("scenario " + config.scenario() + " started: " + spec.title());
    }
    if (context.stopRequested()) {
      runner.requestStop();
    }
    if (thread.isAlive()) {
      return Progress.again(POLL_NANOS);
    }
    if (failure != null) {
      throw new IllegalStateException(
          "scenario " + config.scenario() + " failed: " + failure, failure);
    }
    ScenarioResult r = result;
    context.record(ScenarioCheck.KEY, r);
    if (r.convergenceSeconds() != null) {
      context.figure(new Figure("convergence-s", r.convergenceSeconds(), "s"));
    }
    context.figure(new Figure("moved-mb", r.bytesMoved() / 1e6, "MB"));
    context.note(
        "scenario "
            + config.scenario()
            + (r.passed() ? " passed" : " did not pass")
            + "; report: "
            + r.dir());
    return Progress.DONE;
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    // The scenario cleans up after itself (cluster, topic, throttles); wait for it to finish.
    if (thread != null && thread.isAlive()) {
      runner.requestStop();
      return Progress.again(POLL_NANOS);
    }
    if (log != null) {
      log.close();
    }
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new ScenarioCheck());
  }

  /** The task type {@code scenario}. */
  public static final class Type implements TaskType<ScenarioTaskConfig> {
    @Override
    public String name() {
      return "scenario";
    }

    @Override
    public String description() {
      return "one of demo's balancing scenarios, its checks as verdicts";
    }

    @Override
    public Class<ScenarioTaskConfig> configType() {
      return ScenarioTaskConfig.class;
    }

    @Override
    public Task create(ScenarioTaskConfig config, TaskOptions options) {
      return new ScenarioTask(config, options);
    }
  }
}
