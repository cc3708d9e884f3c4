package dev.ballast.app.task.builtin;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.scenario.BalancingScenarioTask;
import dev.ballast.app.scenario.ScenarioOptions;
import dev.ballast.app.scenario.ScenarioResult;
import dev.ballast.app.scenario.ScenarioSpec;
import dev.ballast.app.scenario.Scenarios;
import dev.ballast.app.task.Checker;
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
 * {@code scenario}: one of {@code demo}'s balancing scenarios inside the marathon. Its prepare
 * starts the scenario's own embedded cluster, as {@code demo} does; then every phase is a step of
 * the same {@link BalancingScenarioTask} that {@code demo} runs (no thread of its own). Its reports
 * go into the run's folder and each of its checks is a checker of its own ({@link
 * BalancingScenarioTask#checkers}).
 */
public final class ScenarioTask implements Task {

  private final ScenarioTaskConfig config;
  private final TaskOptions options;
  private PrintWriter log;
  private BalancingScenarioTask scenario;

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
    if (scenario == null) {
      Duration convergence =
          config.convergenceTimeout() != null
              ? config.convergenceTimeout()
              : Duration.ofSeconds(options.quick() ? 60 : 90);
      log =
          new PrintWriter(
              Files.newBufferedWriter(
                  context.resultsDir().resolve("scenario.log"), StandardCharsets.UTF_8),
              true);
      ScenarioSpec spec = Scenarios.catalogue(options.quick()).get(config.scenario());
      scenario =
          BalancingScenarioTask.open(
              spec,
              new ScenarioOptions(
                  options.quick(),
                  context.resultsDir(),
                  options.externalBalancer(),
                  convergence,
                  null),
              log,
              context::stopRequested);
      context.note("scenario " + config.scenario() + " started: " + spec.title());
    }
    return scenario.prepare(context, now);
  }

  @Override
  public Progress warmUp(TaskContext context, long now) {
    return scenario.warmUp(context, now);
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    return scenario.workload(context, now);
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    if (scenario != null) {
      Progress p = scenario.cleanup(context, now);
      if (!p.done()) {
        return p;
      }
    }
    ScenarioResult r = scenario == null ? null : scenario.result();
    if (r != null) {
      context.note(
          "scenario "
              + config.scenario()
              + (r.passed() ? " passed" : " did not pass")
              + "; report: "
              + r.dir());
    }
    if (log != null) {
      log.close();
    }
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return BalancingScenarioTask.checkers(
        Scenarios.catalogue(options.quick()).get(config.scenario()));
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
