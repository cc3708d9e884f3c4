package dev.ballast.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.WorkloadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load verdict: no data is never CLEAN. */
class LoadReportTest {

  private static WorkloadResult consumed(long consumed, long lost) {
    LatencySummary none = LatencySummary.EMPTY;
    ContinuityVerdict verdict =
        new ContinuityVerdict(0, 0, 0, consumed, lost, 0, 0, 0, false, List.of());
    return new WorkloadResult(
        "consume-t",
        3,
        0,
        0,
        0,
        consumed,
        null,
        0,
        0,
        none,
        none,
        none,
        none,
        List.of(new GroupResult("g", "t", 1, verdict, -1, -1)),
        true,
        List.of());
  }

  private static String printed(LoadReport report) {
    StringWriter out = new StringWriter();
    report.print(new PrintWriter(out, true));
    return out.toString();
  }

  @Test
  void aGroupThatConsumedNothingIsInconclusiveWithItsReason() {
    LoadReport report = LoadReport.of("cluster at x:1", consumed(0, 0), Set.of("t"));

    assertThat(report.verdict()).isEqualTo("INCONCLUSIVE");
    assertThat(report.clean()).isFalse();
    assertThat(report.exitCode()).isEqualTo(5);
    assertThat(printed(report))
        .contains("group g on t (1 consumer(s)): INCONCLUSIVE: consumed nothing")
        .contains(
            "continuity: INCONCLUSIVE (group g consumed nothing from t (the topic does not exist))")
        .doesNotContain("CLEAN");
    assertThat(report.toJson()).contains("\"verdict\" : \"INCONCLUSIVE\"");
  }

  @Test
  void anExistingTopicWithNothingInItIsInconclusiveToo() {
    LoadReport report = LoadReport.of("cluster at x:1", consumed(0, 0), Set.of());

    assertThat(report.exitCode()).isEqualTo(5);
    assertThat(report.reasons())
        .containsExactly("group g consumed nothing from t (is anything producing to it?)");
  }

  @Test
  void consumedMessagesWithNoFaultAreClean() {
    LoadReport report = LoadReport.of("cluster at x:1", consumed(10, 0), Set.of());

    assertThat(report.verdict()).isEqualTo("CLEAN");
    assertThat(report.exitCode()).isZero();
    assertThat(printed(report)).contains("continuity: CLEAN");
  }

  @Test
  void aLossIsViolated() {
    LoadReport report = LoadReport.of("cluster at x:1", consumed(10, 2), Set.of());

    assertThat(report.verdict()).isEqualTo("VIOLATED");
    assertThat(report.exitCode()).isEqualTo(1);
  }
}
