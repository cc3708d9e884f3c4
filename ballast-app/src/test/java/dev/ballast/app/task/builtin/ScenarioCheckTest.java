package dev.ballast.app.task.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.scenario.Check;
import dev.ballast.app.scenario.ScenarioResult;
import dev.ballast.app.scenario.Scenarios;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioCheckTest {

  private static List<Verdict> judge(List<Check> checks, String error) {
    ScenarioResult r =
        new ScenarioResult(
            Scenarios.catalogue(true).get("traffic-based"),
            Path.of("x"),
            checks,
            null,
            null,
            List.of(),
            null,
            0,
            null,
            0,
            0,
            0,
            List.of(),
            Map.of(),
            List.of(),
            error);
    RecordedRun run =
        new RecordedRun(
            "traffic-based",
            "scenario",
            1,
            RunEnd.COMPLETED,
            "",
            List.of(),
            Map.of(ScenarioCheck.KEY.name(), r),
            List.of(),
            List.of());
    return new ScenarioCheck().check(run);
  }

  @Test
  void eachCheckIsAVerdictNamedAfterIt() {
    List<Verdict> v = judge(List.of(new Check("balancer converged", true, "12 s")), null);
    assertThat(v)
        .extracting(Verdict::checker, Verdict::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("balancer-converged", Outcome.PASS));
  }

  @Test
  void aFailedLossCheckIsCriticalAndOtherFailedChecksAreErrors() {
    List<Verdict> v =
        judge(
            List.of(
                new Check("no message lost or duplicated", false, "lost 3"),
                new Check("balancer converged", false, "not within 60 s")),
            null);
    assertThat(v).extracting(Verdict::outcome).containsOnly(Outcome.FAIL);
    assertThat(v).extracting(Verdict::severity).containsExactly(Severity.CRITICAL, Severity.ERROR);
  }

  @Test
  void aScenarioThatStoppedEarlyIsAnErrorAndNoResultIsInconclusive() {
    assertThat(judge(List.of(), "the cluster did not start"))
        .extracting(Verdict::outcome)
        .containsExactly(Outcome.ERROR);
    RecordedRun empty =
        new RecordedRun(
            "t", "scenario", 1, RunEnd.STOPPED, "", List.of(), Map.of(), List.of(), List.of());
    assertThat(new ScenarioCheck().check(empty))
        .extracting(Verdict::outcome)
        .containsExactly(Outcome.INCONCLUSIVE);
  }
}
