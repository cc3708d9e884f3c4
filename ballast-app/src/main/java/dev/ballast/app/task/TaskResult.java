package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A judged task run: what reports, the results index, alerts and metrics are written from.
 *
 * @param run the recorded run the verdicts judge
 * @param verdicts every checker's verdicts (and the runner's own: timeout, infrastructure, error)
 * @param outcome the run's outcome: the worst verdict, INCONCLUSIVE when there is none
 * @param resultsDir the run's folder
 */
public record TaskResult(
    RecordedRun run, List<Verdict> verdicts, Outcome outcome, Path resultsDir) {

  /** Validates and copies. */
  public TaskResult {
    requireNonNull(run, "run");
    verdicts = List.copyOf(verdicts);
    requireNonNull(outcome, "outcome");
    requireNonNull(resultsDir, "resultsDir");
  }

  /** Returns the worst outcome among {@code verdicts}, INCONCLUSIVE when there are none. */
  public static Outcome outcomeOf(List<Verdict> verdicts) {
    if (verdicts.isEmpty()) {
      return Outcome.INCONCLUSIVE;
    }
    Outcome worst = Outcome.PASS;
    for (Verdict v : verdicts) {
      worst = Outcome.worst(worst, v.outcome());
    }
    return worst;
  }

  /** Returns the run's wall time from the start of prepare to the end of cleanup, in seconds. */
  public double seconds() {
    List<PhaseTiming> p = run.phases();
    return p.isEmpty() ? 0 : (p.get(p.size() - 1).endNanos() - p.get(0).startNanos()) / 1e9;
  }
}
