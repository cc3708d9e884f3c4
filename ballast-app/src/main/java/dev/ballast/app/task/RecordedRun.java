package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a checker may look at after a task run: how it ended, when each phase ran, what the
 * task recorded, its figures and events. Immutable, so checkers are pure functions of it and tests
 * build one by hand.
 *
 * @param task the task's name in the YAML
 * @param type the task type ({@code catch-up-read})
 * @param round the marathon round
 * @param end how the run ended
 * @param endDetail why, in one line ("prepare timed out after 2m"), empty when COMPLETED
 * @param phases the phases that ran, in order (cleanup last)
 * @param observations what the task recorded, by key name
 * @param figures the key figures the task recorded
 * @param events every event of the run, in order
 */
public record RecordedRun(
    String task,
    String type,
    int round,
    RunEnd end,
    String endDetail,
    List<PhaseTiming> phases,
    Map<String, Object> observations,
    List<Figure> figures,
    List<Event> events) {

  /** Validates and copies. */
  public RecordedRun {
    requireNonNull(task, "task");
    requireNonNull(type, "type");
    requireNonNull(end, "end");
    requireNonNull(endDetail, "endDetail");
    phases = List.copyOf(phases);
    observations = Map.copyOf(observations);
    figures = List.copyOf(figures);
    events = List.copyOf(events);
  }

  /** Returns what the task recorded under {@code key}, if anything. */
  public <T> Optional<T> observation(ObservationKey<T> key) {
    Object value = observations.get(key.name());
    return key.type().isInstance(value) ? Optional.of(key.type().cast(value)) : Optional.empty();
  }

  /** Returns the timing of {@code phase}, if it ran. */
  public Optional<PhaseTiming> phase(TaskPhase phase) {
    return phases.stream().filter(p -> p.phase() == phase).findFirst();
  }

  /** Returns the figure named {@code name}, if recorded. */
  public Optional<Figure> figure(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** Returns whether the workload phase ran to its end (so its observations are complete). */
  public boolean workloadCompleted() {
    return phase(TaskPhase.WORKLOAD).map(PhaseTiming::completed).orElse(false);
  }
}
