package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Figure;
import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import dev.ballast.app.task.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario run observed, collected under {@link ScenarioKeys} as the run ends: kept here so
 * the scenario can judge and report itself (its reports are part of its cleanup), and passed on to
 * the {@link TaskContext} (when there is one) so the runner's checkers see the same.
 */
final class ScenarioObservations {

  private final TaskContext context;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Figure> figures = new LinkedHashMap<>();

  /** Collects into {@code context} too, or only here when it is null. */
  ScenarioObservations(TaskContext context) {
    this.context = context;
  }

  /** Records {@code value} under {@code key}; a null value records nothing. */
  <T> ScenarioObservations put(ObservationKey<T> key, T value) {
    if (value != null) {
      values.put(key.name(), key.type().cast(value));
      if (context != null) {
        context.record(key, value);
      }
    }
    return this;
  }

  /** Records a key figure of the run. */
  void figure(Figure figure) {
    figures.put(figure.name(), requireNonNull(figure, "figure"));
    if (context != null) {
      context.figure(figure);
    }
  }

  /**
   * Returns what was recorded so far as the recorded run of {@code spec} (its phases and events are
   * the runner's; the scenario's checkers need neither).
   */
  RecordedRun run(ScenarioSpec spec) {
    return new RecordedRun(
        spec.name(),
        "scenario",
        context == null ? 1 : context.round(),
        RunEnd.COMPLETED,
        "",
        List.of(),
        values,
        new ArrayList<>(figures.values()),
        List.of());
  }
}
