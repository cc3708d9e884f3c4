package dev.ballast.workload.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunSupervisorTest {

  private static final long S = 1_000_000_000L;
  private final List<String> events = new ArrayList<>();
  private final LivenessTracker liveness = new LivenessTracker(S, 3);

  private RunSupervisor supervisor() {
    liveness.beat("w0", 10, 0);
    liveness.beat("w1", 11, 0);
    return new RunSupervisor(
        List.of("w0", "w1"), Map.of("w0", 10L, "w1", 11L), liveness, 30 * S, events::add);
  }

  private static WorkerStatus status(String id, long session) {
    return new WorkerStatus(id, session, 1, 1, RunPhase.RUNNING, true, 0);
  }

  @Test
  void aDeadWorkerPausesTheRunUntilItsReplacementResumesIt() {
    RunSupervisor s = supervisor();
    s.onStatus(status("w0", 10), 4 * S);
    assertThat(s.onTick(4 * S)).as("w1 silent for 4 s: check the group").isTrue();
    assertThat(s.onMembers(Set.of("w0", "w1"), 4 * S)).as("still a member").isFalse();
    assertThat(s.phase()).isEqualTo(RunPhase.RUNNING);

    assertThat(s.onMembers(Set.of("w0"), 7 * S)).isTrue();
    assertThat(s.phase()).isEqualTo(RunPhase.PAUSED);
    assertThat(s.missing()).containsExactly("w1");
    assertThat(s.deadSessions()).containsExactly(11L);
    assertThat(s.detectionSeconds()).containsExactly(7.0);

    assertThat(s.onStatus(status("w1", 12), 10 * S)).isTrue();
    assertThat(s.phase()).isEqualTo(RunPhase.RUNNING);
    assertThat(s.sessions()).containsEntry("w1", 12L);
    assertThat(s.pausedNanos(20 * S)).isEqualTo(3 * S);
    assertThat(s.inconclusive()).isNull();
    assertThat(events).anyMatch(e -> e.startsWith("worker w1 suspected"));
    assertThat(events).anyMatch(e -> e.startsWith("run resumed"));
  }

  @Test
  void aReplacementThatComesFirstConfirmsTheDeathAndResumesAtOnce() {
    RunSupervisor s = supervisor();
    assertThat(s.onStatus(status("w1", 99), 2 * S)).isTrue();
    assertThat(s.phase()).isEqualTo(RunPhase.RUNNING);
    assertThat(s.deadSessions()).containsExactly(11L);
    assertThat(s.missing()).isEmpty();
  }

  @Test
  void noReplacementWithinTheGraceMakesTheRunInconclusiveNeverAFailure() {
    RunSupervisor s = supervisor();
    s.onTick(4 * S);
    s.onMembers(Set.of(), 5 * S);
    s.onTick(34 * S);
    assertThat(s.inconclusive()).isNull();
    s.onTick(35 * S);
    assertThat(s.inconclusive()).startsWith("INCONCLUSIVE").contains("w0", "w1");
    assertThat(s.phase()).isEqualTo(RunPhase.PAUSED);
  }

  @Test
  void aDeathWhileDrainingDoesNotPause() {
    RunSupervisor s = supervisor();
    s.setPhase(RunPhase.PRODUCERS_STOPPED, S);
    s.onTick(4 * S);
    assertThat(s.onMembers(Set.of(), 5 * S)).isFalse();
    assertThat(s.phase()).isEqualTo(RunPhase.PRODUCERS_STOPPED);
    assertThat(s.pausedNanos(9 * S)).isZero();
  }
}
