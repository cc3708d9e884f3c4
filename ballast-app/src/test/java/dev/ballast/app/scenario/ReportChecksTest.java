package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks on the report files FAIL on a broken file and are INCONCLUSIVE without a look. */
class ReportChecksTest {

  @Test
  void anInvalidChartFailsAndNoChartCheckIsInconclusive() {
    ReportChecks.ChartsValid c = new ReportChecks.ChartsValid();
    assertThat(ScenarioRuns.good().judge(c).outcome()).isEqualTo(Outcome.PASS);
    Verdict bad =
        ScenarioRuns.good()
            .with(
                ScenarioKeys.CHARTS,
                new ScenarioKeys.Charts(
                    List.of("charts/a.png", "charts/b.png"), List.of("charts/b.png")))
            .judge(c);
    assertThat(bad.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(bad.evidence()).isEqualTo("2 chart(s); invalid: [charts/b.png]");
    Verdict none =
        ScenarioRuns.good()
            .with(ScenarioKeys.CHARTS, new ScenarioKeys.Charts(List.of(), List.of()))
            .judge(c);
    assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(ScenarioRuns.good().without(ScenarioKeys.CHARTS).judge(c).outcome())
        .isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void emptyChartsFailARunThatRanToItsEndAndSayNothingOfOneThatStoppedBeforeSampling() {
    ReportChecks.ChartsValid c = new ReportChecks.ChartsValid();
    ScenarioRuns empty =
        ScenarioRuns.good().with(ScenarioKeys.TIMELINE, new ScenarioKeys.Timeline(List.of()));
    assertThat(empty.judge(c).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(empty.with(ScenarioKeys.ERROR, "no cluster").judge(c).outcome())
        .isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void aMissingResultFileFailsAndNoLookIsInconclusive() {
    ReportChecks.ResultFiles c = new ReportChecks.ResultFiles();
    assertThat(ScenarioRuns.good().judge(c).outcome()).isEqualTo(Outcome.PASS);
    Verdict missing =
        ScenarioRuns.good()
            .with(
                ScenarioKeys.RESULT_FILES,
                new ScenarioKeys.FileProblems(ReportWriter.FILES, List.of("summary.json")))
            .judge(c);
    assertThat(missing.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(missing.evidence()).isEqualTo("missing: [summary.json]");
    assertThat(ScenarioRuns.good().without(ScenarioKeys.RESULT_FILES).judge(c).outcome())
        .isEqualTo(Outcome.INCONCLUSIVE);
  }
}
