package dev.ballast.app.scenario;

import dev.ballast.app.scenario.ScenarioKeys.Charts;
import dev.ballast.app.scenario.ScenarioKeys.FileProblems;
import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Verdict;
import java.util.List;

/**
 * The checks on a scenario's results folder (seed 000: charts are valid non-empty PNGs, results
 * files exist), each a {@link Checker} over what {@link ReportWriter} found after writing. They
 * judge the files also when the run stopped early: its reports are written all the same.
 */
final class ReportChecks {

  private ReportChecks() {}

  /** Returns the checkers of the report files. */
  static List<Checker> all() {
    return List.of(new ChartsValid(), new ResultFiles());
  }

  /** Every chart is a PNG of some size. */
  static final class ChartsValid extends ScenarioChecker {
    ChartsValid() {
      super("charts-valid", "charts are valid non-empty PNGs");
    }

    @Override
    public List<Verdict> check(RecordedRun run) {
      return List.of(judge(run));
    }

    @Override
    Verdict judge(RecordedRun run) {
      Charts charts = get(run, ScenarioKeys.CHARTS);
      if (charts == null) {
        return missing("chart");
      }
      if (charts.files().isEmpty()) {
        return verdict(false, "no chart rendered");
      }
      ScenarioKeys.Timeline timeline = get(run, ScenarioKeys.TIMELINE);
      if (timeline == null || timeline.points().isEmpty()) {
        // Charts drawn from no sample are empty: a failure of a run that ran to its end, and
        // nothing to judge in one that stopped before sampling.
        return run.observation(ScenarioKeys.ERROR).isPresent()
            ? missing("sample to chart")
            : verdict(false, charts.files().size() + " chart(s) drawn from no sample: empty");
      }
      return verdict(
          charts.invalid().isEmpty(),
          charts.files().size()
              + " chart(s)"
              + (charts.invalid().isEmpty() ? "" : "; invalid: " + charts.invalid()));
    }
  }

  /** Every result file is in the results folder. */
  static final class ResultFiles extends ScenarioChecker {
    ResultFiles() {
      super("result-files", "all result files present");
    }

    @Override
    public List<Verdict> check(RecordedRun run) {
      return List.of(judge(run));
    }

    @Override
    Verdict judge(RecordedRun run) {
      FileProblems files = get(run, ScenarioKeys.RESULT_FILES);
      if (files == null) {
        return missing("check of the result files");
      }
      return verdict(
          files.problems().isEmpty(),
          files.problems().isEmpty()
              ? String.join(", ", files.checked()) + ", charts/"
              : "missing: " + files.problems());
    }
  }
}
