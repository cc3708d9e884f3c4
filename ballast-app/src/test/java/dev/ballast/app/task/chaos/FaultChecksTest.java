package dev.ballast.app.task.chaos;

import static dev.ballast.app.task.chaos.Runs.S;
import static dev.ballast.app.task.chaos.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.workload.continuity.ContinuityVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultChecksTest {

  private static final Duration MINUTE = Duration.ofSeconds(60);
  private static final RecordedRun EMPTY = run().build();

  private static Verdict judge(Checker checker, RecordedRun run) {
    List<Verdict> verdicts = checker.check(run);
    assertThat(verdicts).hasSize(1);
    return verdicts.get(0);
  }

  private static void assertFail(Verdict v, Severity severity) {
    assertThat(v.outcome()).as(v.toString()).isEqualTo(Outcome.FAIL);
    assertThat(v.severity()).isEqualTo(severity);
  }

  @Test
  void everyCheckerIsInconclusiveWithoutObservations() {
    for (Checker c :
        List.of(
            FaultChecks.leaderRecovery(MINUTE),
            FaultChecks.isrRecovery(MINUTE),
            FaultChecks.throughputRecovery(0.9, MINUTE),
            FaultChecks.produceHealth(0, MINUTE),
            FaultChecks.leaderBalance(MINUTE, true),
            FaultChecks.rollingRecovery(MINUTE))) {
      Verdict v = judge(c, EMPTY);
      assertThat(v.outcome()).as(c.name()).isEqualTo(Outcome.INCONCLUSIVE);
      assertThat(v.severity()).isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void leadersBackWithinTheLimitPassAndLateOrNeverFail() {
    Checker c = FaultChecks.leaderRecovery(Duration.ofSeconds(15));
    RecordedRun fast = run().with(Observed.FAULT, new Observed.Fault(1, 0, 6 * S, -1, -1)).build();
    assertThat(judge(c, fast).outcome()).isEqualTo(Outcome.PASS);
    assertThat(judge(c, fast).evidence()).startsWith("6.0 s from kill -9 of broker 1");
    RecordedRun slow = run().with(Observed.FAULT, new Observed.Fault(1, 0, 20 * S, -1, -1)).build();
    assertFail(judge(c, slow), Severity.ERROR);
    RecordedRun never = run().with(Observed.FAULT, new Observed.Fault(1, 0, -1, -1, -1)).build();
    assertFail(judge(c, never), Severity.ERROR);
  }

  @Test
  void aBrokerThatDoesNotRejoinEveryIsrFails() {
    Checker c = FaultChecks.isrRecovery(MINUTE);
    RecordedRun back =
        run().with(Observed.FAULT, new Observed.Fault(2, 0, 1 * S, 30 * S, 35 * S)).build();
    assertThat(judge(c, back).outcome()).isEqualTo(Outcome.PASS);
    RecordedRun out =
        run().with(Observed.FAULT, new Observed.Fault(2, 0, 1 * S, 30 * S, -1)).build();
    assertFail(judge(c, out), Severity.ERROR);
  }

  private static Observed.Throughput series(long faultNanos, double... perSecond) {
    List<Observed.RateSample> samples = new ArrayList<>();
    for (int i = 0; i < perSecond.length; i++) {
      samples.add(new Observed.RateSample((i + 1) * S, perSecond[i]));
    }
    return new Observed.Throughput(100, faultNanos, samples);
  }

  @Test
  void recoverySecondsCountFromTheFaultToTheFirstHeldPeriod() {
    // fault at 2 s; periods ending 3..5 s are low, from the one ending at 6 s on it holds
    Observed.Throughput t = series(2 * S, 100, 100, 10, 0, 50, 95, 100, 120, 100);
    assertThat(FaultChecks.calculateRecoverySeconds(t, 0.9, 3)).isEqualTo(3.0);
    assertThat(FaultChecks.calculateRecoverySeconds(series(2 * S, 100, 100, 100, 100, 100), 0.9, 3))
        .isZero();
    assertThat(FaultChecks.calculateRecoverySeconds(series(2 * S, 100, 100, 10, 10, 10), 0.9, 3))
        .isEqualTo(-1);
    assertThat(FaultChecks.calculateRecoverySeconds(series(2 * S, 100, 100, 100), 0.9, 3)).isNaN();
  }

  @Test
  void throughputThatNeverRecoversOrTooLateFails() {
    Observed.Throughput never = series(2 * S, 100, 100, 10, 10, 10, 10);
    assertFail(
        judge(
            FaultChecks.throughputRecovery(0.9, MINUTE),
            run().with(Observed.THROUGHPUT, never).build()),
        Severity.ERROR);
    Observed.Throughput late = series(2 * S, 100, 100, 10, 10, 10, 10, 100, 100, 100);
    Checker strict = FaultChecks.throughputRecovery(0.9, Duration.ofSeconds(2));
    assertFail(judge(strict, run().with(Observed.THROUGHPUT, late).build()), Severity.ERROR);
    assertThat(
            judge(
                    FaultChecks.throughputRecovery(0.9, MINUTE),
                    run().with(Observed.THROUGHPUT, late).build())
                .outcome())
        .isEqualTo(Outcome.PASS);
  }

  private static Observed.Load load(long lost, long duplicated, long failed, double p99) {
    ContinuityVerdict v =
        new ContinuityVerdict(
            1000, 1000, failed, 1000 - lost, lost, duplicated, 0, 0, true, List.of());
    return new Observed.Load(v, 1000, 1000, failed, p99, lost == 0);
  }

  @Test
  void produceErrorsOrAHighP99Fail() {
    Checker c = FaultChecks.produceHealth(0, Duration.ofSeconds(2));
    assertThat(judge(c, run().with(Observed.LOAD, load(0, 0, 0, 150)).build()).outcome())
        .isEqualTo(Outcome.PASS);
    assertFail(judge(c, run().with(Observed.LOAD, load(0, 0, 4, 150)).build()), Severity.ERROR);
    assertFail(judge(c, run().with(Observed.LOAD, load(0, 0, 0, 2500)).build()), Severity.ERROR);
  }

  @Test
  void leadershipLeftUnevenFailsAndEvenedPasses() {
    Map<Integer, Integer> skewed = Map.of(0, 3, 1, 3, 2, 0);
    Map<Integer, Integer> even = Map.of(0, 2, 1, 2, 2, 2);
    Checker c = FaultChecks.leaderBalance(Duration.ofSeconds(30), true);
    RecordedRun evened =
        run()
            .with(
                Observed.BALANCE, new Observed.Balance("external", skewed, even, 0, 12 * S, 12 * S))
            .build();
    assertThat(judge(c, evened).outcome()).isEqualTo(Outcome.PASS);
    RecordedRun stuck =
        run()
            .with(Observed.BALANCE, new Observed.Balance("external", skewed, skewed, 0, -1, 31 * S))
            .build();
    Verdict v = judge(c, stuck);
    assertFail(v, Severity.ERROR);
    assertThat(v.summary())
        .isEqualTo("leadership not balanced again within 30.0 s: {0=3, 1=3, 2=0}");
    RecordedRun neverSkewed =
        run().with(Observed.BALANCE, new Observed.Balance("external", even, even, 0, 0, 0)).build();
    assertThat(judge(c, neverSkewed).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(
            judge(FaultChecks.leaderBalance(Duration.ofSeconds(30), false), neverSkewed).outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void aBrokerNotBackOrMissingFromTheRollingRestartFails() {
    Checker c = FaultChecks.rollingRecovery(Duration.ofSeconds(60));
    List<Integer> brokers = List.of(0, 1, 2);
    List<Observed.Restart> all =
        List.of(
            new Observed.Restart(0, 0, 5 * S, 8 * S),
            new Observed.Restart(1, 10 * S, 15 * S, 19 * S),
            new Observed.Restart(2, 20 * S, 25 * S, 27 * S));
    assertThat(
            judge(c, run().with(Observed.ROLLING, new Observed.Rolling(brokers, all)).build())
                .outcome())
        .isEqualTo(Outcome.PASS);
    assertFail(
        judge(
            c,
            run().with(Observed.ROLLING, new Observed.Rolling(brokers, all.subList(0, 2))).build()),
        Severity.ERROR);
    List<Observed.Restart> notBack =
        List.of(all.get(0), new Observed.Restart(1, 10 * S, 15 * S, -1), all.get(2));
    assertFail(
        judge(c, run().with(Observed.ROLLING, new Observed.Rolling(brokers, notBack)).build()),
        Severity.ERROR);
  }

  @Test
  void leadershipIsEvenWithinOneOrTenPercent() {
    assertThat(Leadership.balanced(Map.of(0, 2, 1, 2, 2, 1))).isTrue();
    assertThat(Leadership.balanced(Map.of(0, 3, 1, 3, 2, 0))).isFalse();
    assertThat(Leadership.balanced(Map.of(0, 100, 1, 95, 2, 105))).isTrue();
    assertThat(Leadership.balanced(Map.of())).isFalse();
  }
}
