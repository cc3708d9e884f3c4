package dev.ballast.app.marathon;

import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The marathon's Prometheus metrics: task runs by task and outcome, checker failures by checker and
 * severity, the current round, task and phase, and each task's last key figures.
 */
final class MarathonMetrics implements MarathonListener {

  /** The content type of {@link #scrape()}. */
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter runs;
  private final Counter failures;
  private final Gauge round;
  private final Gauge current;
  private final Gauge figures;
  private final Gauge lastOutcome;
  private String currentTask;
  private String currentPhase;

  MarathonMetrics() {
    runs =
        Counter.builder()
            .name("ballast_marathon_task_runs_total")
            .help("Task runs, by task and outcome (PASS, FAIL, INCONCLUSIVE, ERROR)")
            .labelNames("task", "outcome")
            .register(registry);
    failures =
        Counter.builder()
            .name("ballast_marathon_checker_failures_total")
            .help("Verdicts that were not PASS, by checker and severity")
            .labelNames("checker", "severity")
            .register(registry);
    round =
        Gauge.builder()
            .name("ballast_marathon_round")
            .help("The round running now")
            .register(registry);
    current =
        Gauge.builder()
            .name("ballast_marathon_current_task_info")
            .help("1 for the task and phase running now")
            .labelNames("task", "phase")
            .register(registry);
    figures =
        Gauge.builder()
            .name("ballast_marathon_figure")
            .help("Each task's last key figures (catch-up MB/s, p99, ...)")
            .labelNames("task", "figure", "unit")
            .register(registry);
    lastOutcome =
        Gauge.builder()
            .name("ballast_marathon_task_last_passed")
            .help("1 when the task's last run passed, 0 when it did not")
            .labelNames("task")
            .register(registry);
  }

  @Override
  public synchronized void taskStarted(int r, String task, String type) {
    round.set(r);
  }

  @Override
  public synchronized void phase(String task, TaskPhase phase) {
    if (currentTask != null) {
      current.remove(currentTask, currentPhase);
    }
    currentTask = phase == null ? null : task;
    currentPhase = phase == null ? null : phase.label();
    if (currentTask != null) {
      current.labelValues(currentTask, currentPhase).set(1);
    }
  }

  @Override
  public synchronized void taskEnded(TaskResult result) {
    String task = result.run().task();
    runs.labelValues(task, result.outcome().name()).inc();
    lastOutcome.labelValues(task).set(result.outcome() == Outcome.PASS ? 1 : 0);
    for (Verdict v : result.verdicts()) {
      if (v.outcome() != Outcome.PASS) {
        failures.labelValues(v.checker(), v.severity().label()).inc();
      }
    }
    for (Figure f : result.run().figures()) {
      figures.labelValues(task, f.name(), f.unit()).set(f.value());
    }
  }

  /** Returns every metric in the Prometheus text format. */
  String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
