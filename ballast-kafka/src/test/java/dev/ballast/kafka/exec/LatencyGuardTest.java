package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The latency guard's decisions (AIMD), without a cluster or a clock. */
class LatencyGuardTest {

  /** Limit 50 ms, up to 8 moves, throttle between 1 MB/s and 40 MB/s in 4 MB/s steps, x0.5. */
  private static final GuardSettings SETTINGS =
      GuardSettings.of(Duration.ofMillis(50), 8, 40_000_000);

  /** One decision function, so that a broken one can be fed to the same checks. */
  @FunctionalInterface
  interface Decider {
    GuardDecision decide(GuardDecision last, OptionalDouble p99Ms, int underReplicated);
  }

  private static final Decider REAL =
      (last, p99, urp) -> LatencyGuard.calculateDecision(SETTINGS, last, p99, urp);

  @ParameterizedTest(name = "{0} moves, {1} B/s, p99 {2}, URP {3} -> {4} {5} {6}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        // moves | throttle  | p99 ms | URP now | action   | moves after | throttle after
        // under the limit: one more move and a throttle step
        "1       | 4000000   | 10     | 0       | RAISE    | 2           | 8000000",
        "7       | 38000000  | 49.9   | 0       | RAISE    | 8           | 40000000",
        // exactly at the limit is not over it
        "3       | 12000000  | 50     | 0       | RAISE    | 4           | 16000000",
        // at the maximum: held
        "8       | 40000000  | 10     | 0       | HOLD     | 8           | 40000000",
        // over the limit: halved
        "8       | 40000000  | 50.1   | 0       | BACK_OFF | 4           | 20000000",
        "5       | 10000000  | 900    | 0       | BACK_OFF | 2           | 5000000",
        // floors: one move, 1 MB/s
        "1       | 1500000   | 900    | 0       | BACK_OFF | 1           | 1000000",
        "1       | 1000000   | 900    | 0       | BACK_OFF | 1           | 1000000",
        // the ISR shrank (1 -> 2 outside the moves) with a good p99: halved as well
        "4       | 16000000  | 10     | 2       | BACK_OFF | 2           | 8000000",
        // the ISR grew back (1 -> 0): no reason to back off
        "4       | 16000000  | 10     | 0       | RAISE    | 5           | 20000000",
        // no probe answered: inconclusive, hold
        "4       | 16000000  | none   | 1       | HOLD     | 4           | 16000000",
        // no probe and the ISR shrank: back off all the same
        "4       | 16000000  | none   | 3       | BACK_OFF | 2           | 8000000",
      })
  void decidesByAdditiveIncreaseAndMultiplicativeDecrease(
      int moves,
      long throttle,
      Double p99,
      int urpNow,
      GuardDecision.Action action,
      int movesAfter,
      long throttleAfter) {
    GuardDecision last = last(moves, throttle, 1);
    GuardDecision next =
        REAL.decide(last, p99 == null ? OptionalDouble.empty() : OptionalDouble.of(p99), urpNow);

    assertThat(next.action()).isEqualTo(action);
    assertThat(next.moves()).isEqualTo(movesAfter);
    assertThat(next.throttle()).isEqualTo(throttleAfter);
    assertThat(next.window()).isEqualTo(last.window() + 1);
    assertThat(next.underReplicated()).isEqualTo(urpNow);
  }

  @Test
  void theRealGuardBacksOffWhenTheLimitIsExceeded() {
    assertBacksOff(REAL);
  }

  @Test
  void aGuardThatNeverBacksOffFailsTheCheck() {
    Decider stubborn =
        (last, p99, urp) ->
            new GuardDecision(
                last.window() + 1,
                GuardDecision.Action.RAISE,
                p99,
                last.limitMs(),
                urp,
                Math.min(8, last.moves() + 1),
                last.throttle(),
                "always raising");
    assertThatThrownBy(() -> assertBacksOff(stubborn)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aGuardThatOnlyHoldsFailsTheCheckToo() {
    Decider holding =
        (last, p99, urp) ->
            new GuardDecision(
                last.window() + 1,
                GuardDecision.Action.HOLD,
                p99,
                last.limitMs(),
                urp,
                last.moves(),
                last.throttle(),
                "holding");
    assertThatThrownBy(() -> assertBacksOff(holding)).isInstanceOf(AssertionError.class);
  }

  @Test
  void aRunOfBadWindowsEndsAtTheFloorsAndGoodOnesClimbBackToTheMaxima() {
    GuardDecision d = last(8, 40_000_000, 0);
    for (int i = 0; i < 10; i++) {
      d = REAL.decide(d, OptionalDouble.of(400), 0);
    }
    assertThat(d.moves()).isEqualTo(1);
    assertThat(d.throttle()).isEqualTo(1_000_000);
    for (int i = 0; i < 20; i++) {
      d = REAL.decide(d, OptionalDouble.of(5), 0);
    }
    assertThat(d.moves()).isEqualTo(8);
    assertThat(d.throttle()).isEqualTo(40_000_000);
    assertThat(d.action()).isEqualTo(GuardDecision.Action.HOLD);
  }

  @Test
  void itStartsWithOneMoveAndOneThrottleStep() {
    GuardDecision start = LatencyGuard.calculateStart(SETTINGS, 2);
    assertThat(start.moves()).isEqualTo(1);
    assertThat(start.throttle()).isEqualTo(4_000_000);
    assertThat(start.underReplicated()).isEqualTo(2);
    assertThat(start.action()).isEqualTo(GuardDecision.Action.START);
  }

  @Test
  void withoutAThrottleTheGuardRaisesToTheDefaultCeiling() {
    GuardSettings s = GuardSettings.of(Duration.ofMillis(50), 20, 0);
    assertThat(s.maxThrottle()).isEqualTo(GuardSettings.DEFAULT_MAX_THROTTLE);
    assertThat(s.minThrottle()).isEqualTo(1_000_000);
    assertThat(s.throttleStep()).isEqualTo(GuardSettings.DEFAULT_MAX_THROTTLE / 10);
  }

  @Test
  void theP99IsTheNearestRankOfThePooledProbes() {
    assertThat(LatencyGuard.calculateP99(List.of())).isEmpty();
    assertThat(LatencyGuard.calculateP99(List.of(3.0, 1.0, 2.0))).hasValue(3.0);
    List<Double> hundred = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      hundred.add((double) i);
    }
    assertThat(LatencyGuard.calculateP99(hundred)).hasValue(99.0);
  }

  @Test
  void theWindowPoolsEveryBrokersProbesAndStartsAfresh() {
    LatencyGuard guard = new LatencyGuard(SETTINGS.withWindow(Duration.ofSeconds(5)), 0);
    guard.onCanaryRound(Map.of(0, 900.0)); // before the first step: not the moves' doing
    assertThat(guard.isDue(0)).isFalse();
    guard.onCanaryRound(Map.of(0, 3.0, 1, 4.0, 2, 80.0));
    assertThat(guard.isDue(4_999_999_999L)).isFalse();
    assertThat(guard.isDue(5_000_000_000L)).isTrue();

    GuardDecision first = guard.decide(5_000_000_000L, 0);
    assertThat(first.p99Ms()).hasValue(80.0);
    assertThat(first.action()).isEqualTo(GuardDecision.Action.BACK_OFF);

    GuardDecision second = guard.decide(10_000_000_000L, 0);
    assertThat(second.p99Ms()).isEmpty();
    assertThat(second.action()).isEqualTo(GuardDecision.Action.HOLD);
    assertThat(guard.current()).isEqualTo(second);
  }

  @Test
  void aDecisionReadsAsOneLine() {
    GuardDecision d = REAL.decide(last(4, 16_000_000, 0), OptionalDouble.of(120), 0);
    assertThat(d.describe())
        .isEqualTo(
            "guard #4: canary p99 120.0 ms (limit 50 ms), 0 under-replicated outside the moves:"
                + " p99 over the limit, backing off (x0.50); 2 move(s) in flight at most,"
                + " throttle 7.6 MiB/s");
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> GuardSettings.of(Duration.ZERO, 5, 0))
        .hasMessageContaining("--max-produce-p99 must be positive");
    assertThatThrownBy(() -> SETTINGS.withWindow(Duration.ZERO))
        .hasMessageContaining("window must be positive");
  }

  /**
   * Checks what any guard must do: a window over the limit leaves fewer moves and a lower throttle
   * (unless at the floors), and a run of such windows ends at the floors.
   */
  private static void assertBacksOff(Decider decider) {
    GuardDecision last = last(6, 30_000_000, 0);
    GuardDecision next = decider.decide(last, OptionalDouble.of(SETTINGS.limitMs() * 2), 0);
    assertThat(next.moves()).as("moves after a window over the limit").isLessThan(last.moves());
    assertThat(next.throttle())
        .as("throttle after a window over the limit")
        .isLessThan(last.throttle());
    assertThat(next.action()).isEqualTo(GuardDecision.Action.BACK_OFF);
    GuardDecision d = next;
    for (int i = 0; i < 10; i++) {
      d = decider.decide(d, OptionalDouble.of(SETTINGS.limitMs() * 2), 0);
    }
    assertThat(d.moves()).as("moves after ten bad windows").isEqualTo(1);
  }

  private static GuardDecision last(int moves, long throttle, int underReplicated) {
    return new GuardDecision(
        3,
        GuardDecision.Action.RAISE,
        OptionalDouble.of(1),
        50,
        underReplicated,
        moves,
        throttle,
        "test");
  }
}
