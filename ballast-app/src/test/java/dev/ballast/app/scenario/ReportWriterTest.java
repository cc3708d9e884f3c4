package dev.ballast.app.scenario;

import static dev.ballast.app.scenario.ScenarioRuns.AFTER;
import static dev.ballast.app.scenario.ScenarioRuns.BEFORE;
import static dev.ballast.app.scenario.ScenarioRuns.TRAFFIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of a judged scenario run, written for real into a folder: a good run writes every
 * file and passes the file checks; a folder where charts or a result file cannot be written, a
 * missing experiment log and a run without samples make the file checks FAIL (and the reports say
 * so instead of throwing).
 */
class ReportWriterTest {

  @TempDir Path dir;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("charts"));
    Files.writeString(dir.resolve("experiment.log"), "prepare: ...\n");
  }

  private ScenarioObservations observed(ScenarioKeys.Timeline timeline) {
    return new ScenarioObservations(null)
        .put(ScenarioKeys.SPEC, TRAFFIC)
        .put(ScenarioKeys.DIR, dir)
        .put(ScenarioKeys.PHASES, new ScenarioKeys.PhaseSeconds(Map.of("prepare", 1.5)))
        .put(ScenarioKeys.BEFORE, BEFORE)
        .put(ScenarioKeys.AFTER, AFTER)
        .put(ScenarioKeys.TIMELINE, timeline)
        .put(ScenarioKeys.WORKLOAD, ScenarioRuns.workload(0, 0, true))
        .put(ScenarioKeys.BALANCING, ScenarioRuns.balancing(12.5, 1, 0))
        .put(ScenarioKeys.LOAD_AT_END, new ScenarioKeys.LoadAtEnd(20, 3000))
        .put(ScenarioKeys.ANOMALIES, new ScenarioKeys.Anomalies(List.of("5.0 s: skew")));
  }

  private TaskResult write(ScenarioObservations observed) {
    return ReportWriter.write(observed, TRAFFIC, dir, ScenarioChecks.of(TRAFFIC));
  }

  private static Verdict verdict(TaskResult r, String checker) {
    return r.verdicts().stream().filter(v -> v.checker().equals(checker)).findFirst().orElseThrow();
  }

  @Test
  void aGoodRunWritesEveryFileAndPasses() throws IOException {
    TaskResult r = write(observed(ScenarioRuns.timeline()));
    assertThat(r.verdicts()).extracting(Verdict::outcome).containsOnly(Outcome.PASS);
    assertThat(new ScenarioResult(r).passed()).isTrue();
    for (String f : ReportWriter.FILES) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    for (ChartRenderer.Spec c : ChartRenderer.CHARTS) {
      assertThat(ReportWriter.isPng(dir.resolve("charts").resolve(c.file() + ".png"))).isTrue();
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText()).isEqualTo("PASS");
    assertThat(summary.path("balancing").path("convergence_seconds").asDouble()).isEqualTo(12.5);
    assertThat(summary.path("continuity").path("consumed").asLong()).isEqualTo(90_000);
    assertThat(summary.path("checks").get(0).path("name").asText())
        .isEqualTo("the load creates a measurable imbalance");
    assertThat(summary.path("checks").get(0).path("checker").asText())
        .isEqualTo("imbalance-before");
    assertThat(summary.path("checks"))
        .extracting(c -> c.path("name").asText())
        .contains("charts are valid non-empty PNGs", "all result files present")
        .doesNotContain("the scenario ran to its end");
    assertThat(dir.resolve("metrics-comparison.md"))
        .content()
        .contains("| all result files present | PASS | before-balancing.md, after-balancing.md")
        .contains("- convergence: 12.5 s after the trigger")
        .contains("- 5.0 s: skew");
  }

  @Test
  void chartsThatCannotBeWrittenFailTheChartCheck() throws IOException {
    Files.delete(dir.resolve("charts"));
    Files.writeString(dir.resolve("charts"), "a file where the charts folder should be");
    TaskResult r = write(observed(ScenarioRuns.timeline()));
    Verdict charts = verdict(r, "charts-valid");
    assertThat(charts.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(charts.evidence()).contains("invalid: [charts/bytes-in.png (cannot write:");
    assertThat(new ScenarioResult(r).passed()).isFalse();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText()).isEqualTo("FAIL");
  }

  @Test
  void aRunWithoutSamplesFailsTheChartCheck() {
    TaskResult r = write(observed(new ScenarioKeys.Timeline(List.of())));
    Verdict charts = verdict(r, "charts-valid");
    assertThat(charts.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(charts.evidence()).isEqualTo("5 chart(s) drawn from no sample: empty");
  }

  @Test
  void aResultFileThatCannotBeWrittenFailsTheFileCheck() throws IOException {
    Files.createDirectories(dir.resolve("summary.json")); // a folder: the file cannot be written
    TaskResult r = write(observed(ScenarioRuns.timeline()));
    Verdict files = verdict(r, "result-files");
    assertThat(files.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(files.evidence()).startsWith("missing: [summary.json (cannot write:");
    assertThat(dir.resolve("metrics-comparison.md"))
        .content()
        .contains("| all result files present | FAIL | missing: [summary.json");
  }

  @Test
  void aMissingExperimentLogFailsTheFileCheck() throws IOException {
    Files.delete(dir.resolve("experiment.log"));
    Verdict files = verdict(write(observed(ScenarioRuns.timeline())), "result-files");
    assertThat(files.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(files.evidence()).isEqualTo("missing: [experiment.log]");
  }

  @Test
  void aRunStoppedBySignalIsInconclusiveNotFailed() throws IOException {
    TaskResult r =
        write(
            observed(ScenarioRuns.timeline())
                .put(ScenarioKeys.STOPPED, "stopped by SIGTERM")
                .put(ScenarioKeys.BALANCING, ScenarioRuns.balancing(null, 1, 0)));
    ScenarioResult view = new ScenarioResult(r);
    assertThat(view.passed()).isFalse();
    assertThat(view.verdict()).isEqualTo("INCONCLUSIVE");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
  }

  @Test
  void aRunThatStoppedEarlyIsReportedAsFailedWithItsError() throws IOException {
    TaskResult r =
        write(observed(ScenarioRuns.timeline()).put(ScenarioKeys.ERROR, "the cluster died"));
    ScenarioResult view = new ScenarioResult(r);
    assertThat(view.passed()).isFalse();
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(view.checks()).extracting(Verdict::checker).doesNotContain("scenario");
    assertThat(dir.resolve("metrics-comparison.md"))
        .content()
        .contains("The run stopped early: the cluster died");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText()).isEqualTo("FAIL");
    assertThat(summary.path("error").asText()).isEqualTo("the cluster died");
  }
}
