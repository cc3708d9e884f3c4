package dev.ballast.workload.rate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.loop.IdleStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  /** A clock the test moves; idling advances it by the time asked for, so nothing sleeps. */
  static final class FakeClock implements NanoClock, IdleStrategy {
    long now;
    final List<Long> idles = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void idle(int workCount, long nanosUntilDue) {
      if (workCount == 0 && nanosUntilDue > 0) {
        idles.add(nanosUntilDue);
        now += nanosUntilDue;
      }
    }
  }

  @Test
  void waitsForEachIntendedTimeAndReportsIt() {
    FakeClock clock = new FakeClock();
    Pacer pacer =
        new Pacer(new RateSchedule(RateShape.constant(1_000), RateUnit.MESSAGES, 0), clock, clock);

    assertThat(pacer.awaitNext(100)).isEqualTo(0);
    assertThat(pacer.awaitNext(100)).isEqualTo(1_000_000);
    assertThat(clock.now).isEqualTo(1_000_000);
    assertThat(clock.idles).containsExactly(1_000_000L);
  }

  @Test
  void aLateSenderCatchesUpWithoutWaitingAndKeepsTheOriginalIntendedTimes() {
    FakeClock clock = new FakeClock();
    Pacer pacer =
        new Pacer(new RateSchedule(RateShape.constant(1_000), RateUnit.MESSAGES, 0), clock, clock);
    pacer.awaitNext(100);

    clock.now = 5_500_000; // the sender stalled for 5.5 ms (a blocked send, a GC pause)

    // Open loop: the messages due during the stall are still due at their original times.
    assertThat(pacer.awaitNext(100)).isEqualTo(1_000_000);
    assertThat(pacer.awaitNext(100)).isEqualTo(2_000_000);
    assertThat(pacer.isDue(clock.now)).isTrue(); // 2, 3, 4 and 5 ms are due too
    assertThat(clock.idles).isEmpty();
  }

  @Test
  void nothingIsDueBeforeTheNextIntendedTime() {
    FakeClock clock = new FakeClock();
    Pacer pacer =
        new Pacer(new RateSchedule(RateShape.constant(1_000), RateUnit.MESSAGES, 0), clock, clock);
    pacer.awaitNext(100);

    assertThat(pacer.isDue(999_999)).isFalse();
    assertThat(pacer.nanosUntilDue(999_000)).isEqualTo(1_000);
  }
}
