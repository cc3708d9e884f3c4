package dev.ballast.workload.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LivenessTrackerTest {

  private static final long S = 1_000_000_000L;

  @Test
  void aWorkerIsSuspectedOnlyAfterThreeMissedHeartbeats() {
    LivenessTracker t = new LivenessTracker(S, 3);
    t.beat("w0", 1, 0);
    assertThat(t.suspect(3 * S)).isEmpty();
    assertThat(t.suspect(3 * S + 1)).containsExactly("w0");
    assertThat(t.state("w0")).isEqualTo(LivenessTracker.State.SUSPECTED);
    assertThat(t.suspect(10 * S)).as("reported once").isEmpty();
    assertThat(t.alive()).isEmpty();
  }

  @Test
  void aHeartbeatClearsSuspicionAndANewSessionIsReported() {
    LivenessTracker t = new LivenessTracker(S, 3);
    assertThat(t.beat("w0", 1, 0)).isFalse();
    t.suspect(5 * S);
    assertThat(t.beat("w0", 1, 6 * S)).isFalse();
    assertThat(t.state("w0")).isEqualTo(LivenessTracker.State.ALIVE);
    assertThat(t.beat("w0", 2, 7 * S)).as("a restarted process").isTrue();
    assertThat(t.session("w0")).isEqualTo(2);
  }

  @Test
  void confirmingADeathHappensOnce() {
    LivenessTracker t = new LivenessTracker(S, 3);
    t.beat("w0", 1, 0);
    assertThat(t.confirmDead("w0")).isTrue();
    assertThat(t.confirmDead("w0")).isFalse();
    assertThat(t.confirmDead("unknown")).isFalse();
    assertThat(t.state("w0")).isEqualTo(LivenessTracker.State.DEAD);
  }
}
