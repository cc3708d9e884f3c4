package dev.ballast.workload.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

  private static final long SECOND = 1_000_000_000L;

  /** Returns how many messages of {@code bytes} the schedule puts before {@code untilNanos}. */
  private static long countBefore(RateSchedule schedule, long untilNanos, int bytes) {
    long count = 0;
    while (schedule.peekNanos() < untilNanos) {
      schedule.next(bytes);
      count++;
    }
    return count;
  }

  @Test
  void constantRateSpacesMessagesEvenlyFromTheStart() {
    RateSchedule schedule = new RateSchedule(RateShape.constant(50_000), RateUnit.MESSAGES, 1_000);

    assertThat(schedule.next(100)).isEqualTo(1_000);
    assertThat(schedule.next(100)).isEqualTo(21_000);
    assertThat(schedule.next(100)).isEqualTo(41_000);
  }

  @Test
  void constantRateSchedulesExactlyTheRateInOneSecond() {
    RateSchedule schedule = new RateSchedule(RateShape.constant(50_000), RateUnit.MESSAGES, 0);

    assertThat(countBefore(schedule, SECOND, 100)).isEqualTo(50_000);
  }

  @Test
  void fractionalIntervalsDoNotDrift() {
    // 3 messages per microsecond = 333.33 ns apart: rounding each interval would drift by 1/3 ns.
    RateSchedule schedule = new RateSchedule(RateShape.constant(3e6), RateUnit.MESSAGES, 0);

    assertThat(countBefore(schedule, 10 * SECOND, 1)).isEqualTo(30_000_000);
  }

  @Test
  void bytesPerSecondSpendsEachMessagesSize() {
    RateSchedule schedule = new RateSchedule(RateShape.constant(1_000_000), RateUnit.BYTES, 0);

    assertThat(schedule.next(1_000)).isEqualTo(0);
    assertThat(schedule.next(500)).isEqualTo(1_000_000); // 1000 B at 1 MB/s = 1 ms
    assertThat(schedule.next(500)).isEqualTo(1_500_000);
    assertThat(countBefore(schedule, SECOND, 1_000)).isEqualTo(998);
  }

  @Test
  void rampFromZeroSendsHalfTheTargetOverItsLength() {
    RateShape ramp = RateShape.ramp(0, 10_000, Duration.ofSeconds(10));
    RateSchedule schedule = new RateSchedule(ramp, RateUnit.MESSAGES, 0);

    // The integral of a linear ramp 0 -> 10k/s over 10 s is 50k messages.
    assertThat((double) countBefore(schedule, 10 * SECOND, 1)).isCloseTo(50_000, within(2.0));
    // After the ramp: the target rate.
    assertThat(countBefore(schedule, 11 * SECOND, 1)).isCloseTo(10_000, within(2L));
  }

  @Test
  void rampRateIsLinear() {
    RateShape ramp = RateShape.ramp(1_000, 3_000, Duration.ofSeconds(2));

    assertThat(ramp.rateAt(0)).isEqualTo(1_000);
    assertThat(ramp.rateAt(SECOND)).isEqualTo(2_000);
    assertThat(ramp.rateAt(5 * SECOND)).isEqualTo(3_000);
  }

  @Test
  void stepsChangeTheRateAtTheirTimes() {
    RateShape steps =
        new RateShape.Steps(
            List.of(
                RateShape.Step.of(Duration.ZERO, 1_000),
                RateShape.Step.of(Duration.ofSeconds(1), 0),
                RateShape.Step.of(Duration.ofSeconds(2), 4_000)));
    RateSchedule schedule = new RateSchedule(steps, RateUnit.MESSAGES, 0);

    assertThat(countBefore(schedule, SECOND, 1)).isEqualTo(1_000);
    // Paused during the second second: the next message is due when the third step begins.
    assertThat(schedule.peekNanos()).isEqualTo(2 * SECOND);
    assertThat(countBefore(schedule, 3 * SECOND, 1)).isEqualTo(4_000);
  }

  @Test
  void unlimitedScheduleMakesEveryMessageDueAtOnce() {
    RateSchedule schedule = new RateSchedule(RateShape.unlimited(), RateUnit.MESSAGES, 7);

    assertThat(schedule.isUnlimited()).isTrue();
    assertThat(schedule.next(100)).isEqualTo(7);
    assertThat(schedule.next(100)).isEqualTo(7);
    assertThat(schedule.scheduled()).isEqualTo(2);
  }

  @Test
  void badShapesAreRejectedWithTheValue() {
    assertThatThrownBy(() -> RateShape.constant(0)).hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> RateShape.constant(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> RateShape.ramp(-1, 10, Duration.ofSeconds(1)))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new RateShape.Steps(List.of(new RateShape.Step(0, 0))))
        .hasMessageContaining("last step");
  }
}
