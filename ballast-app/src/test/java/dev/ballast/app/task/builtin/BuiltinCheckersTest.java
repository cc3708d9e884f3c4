package dev.ballast.app.task.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.ObservationKey;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.worker.GroupResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in checkers on hand-made runs: each passes a good one and fails a broken one. */
class BuiltinCheckersTest {

  private static RecordedRun run(Map<ObservationKey<?>, Object> observations) {
    Map<String, Object> byName = new HashMap<>();
    observations.forEach((k, v) -> byName.put(k.name(), v));
    return new RecordedRun(
        "t", "x", 1, RunEnd.COMPLETED, "", List.of(), byName, List.of(), List.of());
  }

  private static GroupResult group(long consumed, long lost, long duplicated, long reordered) {
    ContinuityVerdict v =
        new ContinuityVerdict(
            consumed + lost,
            consumed + lost,
            0,
            consumed,
            lost,
            duplicated,
            reordered,
            0,
            true,
            lost > 0 ? List.of("p0 offsets 0-" + (lost - 1)) : List.of());
    return new GroupResult("g", "topic", 1, v, 0, -1);
  }

  private static Verdict continuity(boolean readToEnd, GroupResult... groups) {
    return new ContinuityCheck()
        .check(run(Map.of(Continuity.KEY, new Continuity(List.of(groups), readToEnd, "deadline"))))
        .get(0);
  }

  @Test
  void continuityPassesWhenEveryMessageWasReadOnce() {
    Verdict v = continuity(true, group(1000, 0, 0, 0));
    assertThat(v.outcome()).isEqualTo(Outcome.PASS);
    assertThat(v.summary()).isEqualTo("1000 message(s), each read exactly once");
  }

  @Test
  void continuityFailsCriticalOnLossAndDuplicates() {
    Verdict lost = continuity(true, group(990, 10, 0, 0));
    assertThat(lost.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(lost.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(lost.summary()).isEqualTo("10 acknowledged message(s) lost");
    assertThat(lost.evidence()).contains("p0 offsets 0-9");
    Verdict dup = continuity(false, group(1000, 0, 3, 0));
    assertThat(dup.severity())
        .as("a duplicate is proof even when the read stopped early")
        .isEqualTo(Severity.CRITICAL);
    Verdict reordered = continuity(true, group(1000, 0, 0, 2));
    assertThat(reordered.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(reordered.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void continuityCannotTellLostFromLateWhenTheReadStoppedEarly() {
    Verdict v = continuity(false, group(500, 500, 0, 0));
    assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(v.summary()).contains("did not reach the end (deadline)");
  }

  @Test
  void continuityWithoutDataIsInconclusive() {
    assertThat(new ContinuityCheck().check(run(Map.of())).get(0).outcome())
        .isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(continuity(true, group(0, 0, 0, 0)).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void catchUpPassesWithinTheDeadlineAndFailsPastIt() {
    CatchUpCheck check = new CatchUpCheck();
    Verdict ok =
        check
            .check(
                run(
                    Map.of(
                        CatchUp.KEY,
                        new CatchUp(100_000, 100_000_000, 10, 20, true, Duration.ofMinutes(5)))))
            .get(0);
    assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
    assertThat(ok.summary()).isEqualTo("backlog read in 20.0 s (5.0 MB/s)");
    Verdict late =
        check
            .check(
                run(
                    Map.of(
                        CatchUp.KEY,
                        new CatchUp(100_000, 100_000_000, 10, 301, true, Duration.ofMinutes(5)))))
            .get(0);
    assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(late.severity()).isEqualTo(Severity.ERROR);
    Verdict unfinished =
        check
            .check(
                run(
                    Map.of(
                        CatchUp.KEY,
                        new CatchUp(100_000, 100_000_000, 10, 30, false, Duration.ofSeconds(30)))))
            .get(0);
    assertThat(unfinished.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(check.check(run(Map.of())).get(0).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void throughputJudgesEveryWindowsRateAndP99() {
    ThroughputCheck check = new ThroughputCheck();
    List<Window> good = List.of(new Window(0, 10, 1000, 20, 0), new Window(10, 10, 1040, 30, 0));
    List<Verdict> ok = check.check(run(Map.of(Windows.KEY, new Windows(good, 1000, 0.05, 100))));
    assertThat(ok).extracting(Verdict::outcome).containsExactly(Outcome.PASS, Outcome.PASS);

    List<Window> bad = List.of(new Window(0, 10, 1000, 20, 0), new Window(10, 10, 900, 250, 0));
    List<Verdict> failed = check.check(run(Map.of(Windows.KEY, new Windows(bad, 1000, 0.05, 100))));
    assertThat(failed).extracting(Verdict::outcome).containsExactly(Outcome.FAIL, Outcome.FAIL);
    assertThat(failed.get(0).summary()).isEqualTo("1 of 2 window(s) outside target 1000/s +-5%");
    assertThat(failed.get(0).evidence()).isEqualTo("10 s: 900/s (-10.0%)");
    assertThat(failed.get(1).evidence()).isEqualTo("10 s: 250.0 ms");

    assertThat(check.check(run(Map.of())))
        .extracting(Verdict::outcome)
        .containsOnly(Outcome.INCONCLUSIVE);
  }
}
