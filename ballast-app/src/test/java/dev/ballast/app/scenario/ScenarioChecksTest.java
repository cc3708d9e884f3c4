package dev.ballast.app.scenario;

import static dev.ballast.app.scenario.ScenarioRuns.AFTER;
import static dev.ballast.app.scenario.ScenarioRuns.BEFORE;
import static dev.ballast.app.scenario.ScenarioRuns.TRAFFIC;
import static dev.ballast.app.scenario.ScenarioRuns.balancing;
import static dev.ballast.app.scenario.ScenarioRuns.good;
import static dev.ballast.app.scenario.ScenarioRuns.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every common check of a scenario run as its own checker: a good run passes them all; a run broken
 * in the way a check is about FAILs that check (and only it); a run without the observation it
 * needs, or one that stopped early, is INCONCLUSIVE for it.
 */
class ScenarioChecksTest {

  private static final ScenarioSpec QPS = Scenarios.catalogue(true).get("qps-based");
  private static final ScenarioSpec SLOW = Scenarios.slowNode(true);

  /** Each checker, a run broken for it, and an observation it cannot do without. */
  static Stream<Arguments> brokenRuns() {
    return Stream.of(
        broken(
            new ScenarioChecks.ImbalanceBefore(),
            r -> r.with(ScenarioKeys.BEFORE, AFTER),
            ScenarioKeys.BEFORE),
        broken(
            new ScenarioChecks.Convergence(),
            r -> r.with(ScenarioKeys.BALANCING, balancing(null, 1, 0)),
            ScenarioKeys.BALANCING),
        broken(
            new ScenarioChecks.BalancedAfter(),
            r -> r.with(ScenarioKeys.AFTER, BEFORE),
            ScenarioKeys.AFTER),
        broken(
            new ScenarioChecks.Improvement(),
            r -> r.with(ScenarioKeys.BEFORE, AFTER),
            ScenarioKeys.BEFORE),
        broken(
            new ScenarioChecks.BytesBalanceKept(),
            r ->
                r.with(ScenarioKeys.SPEC, QPS)
                    .with(ScenarioKeys.BEFORE, AFTER)
                    .with(ScenarioKeys.AFTER, BEFORE),
            ScenarioKeys.AFTER),
        broken(
            new ScenarioChecks.LatencyRecovers(),
            r ->
                r.with(ScenarioKeys.SPEC, SLOW)
                    .with(ScenarioKeys.LOAD_AT_END, new ScenarioKeys.LoadAtEnd(26_000, 3000)),
            ScenarioKeys.LOAD_AT_END),
        broken(
            new ScenarioChecks.SampledMatchesLoad(),
            r -> r.with(ScenarioKeys.AFTER, ScenarioRuns.model(400, 0, 0, 1, 1, 2, 2)),
            ScenarioKeys.AFTER),
        broken(
            new ScenarioChecks.Continuity(),
            r -> r.with(ScenarioKeys.WORKLOAD, workload(3, 0, true)),
            ScenarioKeys.WORKLOAD),
        broken(
            new ScenarioChecks.ExecutionsCompleted(),
            r -> r.with(ScenarioKeys.BALANCING, balancing(12.5, 2, 1)),
            ScenarioKeys.BALANCING));
  }

  private static Arguments broken(
      Checker checker, UnaryOperator<ScenarioRuns> breakIt, ObservationKey<?> needed) {
    return Arguments.of(checker, breakIt, needed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRuns")
  void eachCheckPassesAGoodRunFailsABrokenOneAndIsInconclusiveWithoutData(
      Checker checker, UnaryOperator<ScenarioRuns> breakIt, ObservationKey<?> needed) {
    // The good run of the checker's own scenario (the break may swap the spec).
    ScenarioSpec spec = breakIt.apply(good()).run().observation(ScenarioKeys.SPEC).orElseThrow();
    Path dir = Path.of("x");
    Verdict ok = good(spec, dir).judge(checker);
    assertThat(ok.outcome()).as(ok.evidence()).isEqualTo(Outcome.PASS);
    assertThat(ok.checker()).isEqualTo(checker.name());

    Verdict failed = breakIt.apply(good()).judge(checker);
    assertThat(failed.outcome()).as(failed.evidence()).isEqualTo(Outcome.FAIL);
    assertThat(failed.checker()).isEqualTo(checker.name());
    assertThat(failed.severity())
        .isEqualTo(
            checker instanceof ScenarioChecks.Continuity ? Severity.CRITICAL : Severity.ERROR);

    Verdict none = good(spec, dir).without(needed).judge(checker);
    assertThat(none.outcome()).as(none.evidence()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(none.evidence()).startsWith("no ");

    Verdict stopped =
        breakIt.apply(good()).with(ScenarioKeys.ERROR, "the cluster died").judge(checker);
    assertThat(stopped.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(stopped.evidence()).isEqualTo("the scenario stopped early: the cluster died");
  }

  @Test
  void aGoodRunPassesEveryCheckOfItsScenarioEachNamedAfterIt() {
    List<Checker> checkers = ScenarioChecks.of(TRAFFIC);
    assertThat(checkers)
        .extracting(Checker::name)
        .containsExactly(
            "imbalance-before",
            "convergence",
            "balanced-after",
            "improvement",
            "sampled-load",
            "continuity",
            "executions-completed",
            "charts-valid",
            "result-files",
            "scenario");
    List<Verdict> verdicts =
        checkers.stream().flatMap(c -> c.check(good().run()).stream()).toList();
    assertThat(verdicts).extracting(Verdict::outcome).containsOnly(Outcome.PASS);
    assertThat(verdicts)
        .extracting(Verdict::summary)
        .startsWith(
            "the load creates a measurable imbalance",
            "the balancer converges to the expected end",
            "balanced after",
            "after is better than before",
            "sampled metrics match the generated load",
            "no message lost or duplicated",
            "every execution completed");
  }

  @Test
  void theScenarioDecidesWhichChecksApply() {
    assertThat(ScenarioChecks.of(QPS)).extracting(Checker::name).contains("bytes-balance-kept");
    assertThat(ScenarioChecks.of(SLOW))
        .extracting(Checker::name)
        .contains("produce-latency-recovery")
        .doesNotContain("bytes-balance-kept");
    assertThat(ScenarioChecks.of(Scenarios.capacity(true)))
        .extracting(Checker::name)
        .contains("capacity-overload", "capacity-sufficient-after");
  }

  @Test
  void aLostOrDuplicatedMessageOrUndrainedConsumersFailContinuity() {
    for (var broken : List.of(workload(3, 0, true), workload(0, 2, true), workload(0, 0, false))) {
      Verdict v = good().with(ScenarioKeys.WORKLOAD, broken).judge(new ScenarioChecks.Continuity());
      assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
    }
  }

  @Test
  void noConvergenceFailsAndSaysWhereTheClusterStayed() {
    Verdict v =
        good()
            .with(ScenarioKeys.BALANCING, balancing(null, 1, 0))
            .judge(new ScenarioChecks.Convergence());
    assertThat(v.evidence()).isEqualTo("expected end not reached: replicas 2-2-2, leaders 2-2-2");
  }

  @Test
  void aSlowNodeWhoseProducersStayLateOrWereNotMeasuredFailsLatencyRecovery() {
    Checker c = new ScenarioChecks.LatencyRecovers();
    ScenarioRuns noPeriod =
        good(SLOW, Path.of("x"))
            .with(ScenarioKeys.LOAD_AT_END, new ScenarioKeys.LoadAtEnd(Double.NaN, 3000));
    assertThat(noPeriod.judge(c).outcome())
        .as("no load period measured at the end is no recovery")
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void theRunsOwnVerdictIsAnErrorWhenItStoppedEarlyAndInconclusiveWithoutAResult() {
    Checker c = new ScenarioChecks.Completion();
    assertThat(good().judge(c).outcome()).isEqualTo(Outcome.PASS);
    Verdict error = good().with(ScenarioKeys.ERROR, "the cluster did not start").judge(c);
    assertThat(error.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(error.summary()).isEqualTo("the scenario stopped early: the cluster did not start");
    assertThat(good().without(ScenarioKeys.SPEC).judge(c).outcome())
        .isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void aStoppedRunIsInconclusiveWhereTheStopCutItShortButLostDataStillFails() {
    String why = "stopped (Ctrl-C, SIGTERM or a time limit) before its end";
    Verdict notConverged =
        good()
            .with(ScenarioKeys.STOPPED, why)
            .with(ScenarioKeys.BALANCING, balancing(null, 1, 0))
            .judge(new ScenarioChecks.Convergence());
    assertThat(notConverged.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(notConverged.evidence()).startsWith("the scenario was " + why + "; expected end");

    Verdict lost =
        good()
            .with(ScenarioKeys.STOPPED, why)
            .with(ScenarioKeys.WORKLOAD, workload(3, 0, true))
            .judge(new ScenarioChecks.Continuity());
    assertThat(lost.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(lost.severity()).isEqualTo(Severity.CRITICAL);

    Verdict converged =
        good().with(ScenarioKeys.STOPPED, why).judge(new ScenarioChecks.Convergence());
    assertThat(converged.outcome()).isEqualTo(Outcome.PASS);

    Verdict own = good().with(ScenarioKeys.STOPPED, why).judge(new ScenarioChecks.Completion());
    assertThat(own.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(own.summary()).isEqualTo("the scenario was stopped before its end");
  }
}
