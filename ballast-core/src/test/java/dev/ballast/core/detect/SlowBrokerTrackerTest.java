package dev.ballast.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowBrokerTrackerTest {

  private final SlowBrokerTracker tracker = new SlowBrokerTracker(SlowBrokerSettings.defaults());

  @Test
  void aBrokerSlowForThreeRoundsBecomesSlowNotBefore() {
    Map<Integer, Double> round = Map.of(0, 3.0, 1, 4.0, 2, 210.0);
    assertThat(tracker.onRound(round)).isEmpty();
    assertThat(tracker.onRound(round)).isEmpty();
    assertThat(tracker.onRound(round)).containsExactly(2);
    assertThat(tracker.evidence().get(2))
        .isEqualTo("canary latency 210 ms vs peers' median 3.5 ms for 3 rounds");
  }

  @Test
  void aBrokerSlowForFewerRoundsThanNeededIsASuspect() {
    tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 210.0));
    assertThat(tracker.suspects()).containsExactly(2);
    tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 210.0));
    tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 210.0));
    assertThat(tracker.suspects()).isEmpty();
    assertThat(tracker.slowBrokers()).containsExactly(2);
  }

  @Test
  void oneFastRoundResetsTheCount() {
    tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 210.0));
    tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 210.0));
    tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 5.0));
    assertThat(tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 210.0))).isEmpty();
  }

  @Test
  void everyoneSlowTogetherIsNotOneSlowBroker() {
    Map<Integer, Double> round = Map.of(0, 300.0, 1, 320.0, 2, 310.0);
    for (int i = 0; i < 5; i++) {
      assertThat(tracker.onRound(round)).isEmpty();
    }
  }

  @Test
  void belowTheAbsoluteFloorNothingIsSlow() {
    Map<Integer, Double> round = Map.of(0, 1.0, 1, 1.0, 2, 40.0); // 40x the median but only 40 ms
    for (int i = 0; i < 5; i++) {
      assertThat(tracker.onRound(round)).isEmpty();
    }
  }

  @Test
  void recoveryNeedsThreeFastRoundsAndHalfwayValuesKeepItSlow() {
    Map<Integer, Double> slowRound = Map.of(0, 3.0, 1, 4.0, 2, 210.0);
    for (int i = 0; i < 3; i++) {
      tracker.onRound(slowRound);
    }
    // 60 ms is still above 50 ms and 3x the median: slow rounds, so it stays slow
    for (int i = 0; i < 5; i++) {
      assertThat(tracker.onRound(Map.of(0, 3.0, 1, 4.0, 2, 60.0))).containsExactly(2);
    }
    Map<Integer, Double> fast = Map.of(0, 3.0, 1, 4.0, 2, 4.0);
    assertThat(tracker.onRound(fast)).containsExactly(2);
    assertThat(tracker.onRound(fast)).containsExactly(2);
    assertThat(tracker.onRound(fast)).isEmpty();
  }

  @Test
  void aSingleBrokerHasNoPeersAndIsNeverSlow() {
    for (int i = 0; i < 5; i++) {
      assertThat(tracker.onRound(Map.of(0, 500.0))).isEmpty();
    }
  }
}
