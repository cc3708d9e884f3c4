package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * A run's {@code summary.json}: what the index, its trends and a restarted marathon read back.
 *
 * @param round the marathon round
 * @param task the task's name
 * @param type the task type
 * @param outcome the run's outcome
 * @param end how the run ended ({@code COMPLETED}, {@code TIMED_OUT}, ...)
 * @param endDetail why, when it did not complete
 * @param startedAt the wall-clock start, ISO-8601
 * @param seconds the run's wall time
 * @param phases each phase's seconds and whether it completed
 * @param verdicts every verdict
 * @param figures the key figures
 */
public record RunSummary(
    int round,
    String task,
    String type,
    Outcome outcome,
    String end,
    String endDetail,
    String startedAt,
    double seconds,
    List<Phase> phases,
    List<Verdict> verdicts,
    List<Figure> figures) {

  /** One phase's time. */
  public record Phase(String phase, double seconds, boolean completed) {}

  /** Validates and copies. */
  public RunSummary {
    requireNonNull(task, "task");
    requireNonNull(outcome, "outcome");
    phases = List.copyOf(phases);
    verdicts = List.copyOf(verdicts);
    figures = List.copyOf(figures);
  }

  /** Returns the summary of {@code result}, which started at {@code startedAt}. */
  public static RunSummary of(TaskResult result, Instant startedAt) {
    List<Phase> phases =
        result.run().phases().stream()
            .map(p -> new Phase(p.phase().label(), p.seconds(), p.completed()))
            .toList();
    return new RunSummary(
        result.run().round(),
        result.run().task(),
        result.run().type(),
        result.outcome(),
        result.run().end().name(),
        result.run().endDetail(),
        startedAt.toString(),
        result.seconds(),
        phases,
        result.verdicts(),
        result.run().figures());
  }
}
