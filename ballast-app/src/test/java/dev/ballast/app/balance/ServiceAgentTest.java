package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceAgentTest {

  final AtomicLong clock = new AtomicLong(1_000);

  @Test
  void passesTheClockToTheStepAndEndsAtTheDeadline() throws Exception {
    List<Long> seen = new ArrayList<>();
    ServiceAgent agent =
        new ServiceAgent(
            "balancer",
            clock::get,
            now -> {
              seen.add(now);
              return 1;
            },
            () -> false,
            Duration.ofNanos(500));

    assertThat(agent.doWork()).isEqualTo(1);
    clock.addAndGet(200);
    assertThat(agent.nanosUntilWork()).isEqualTo(300);
    assertThat(agent.isDone()).isFalse();
    clock.addAndGet(300);
    assertThat(agent.isDone()).isTrue();
    assertThat(agent.nanosUntilWork()).isEqualTo(1);
    assertThat(seen).containsExactly(1_000L);
    assertThat(agent.roleName()).isEqualTo("balancer");
  }

  @Test
  void endsWhenItsConditionHoldsBeforeTheDeadline() {
    AtomicBoolean warm = new AtomicBoolean();
    ServiceAgent agent =
        new ServiceAgent("sampler", clock::get, now -> 0, warm::get, Duration.ofHours(1));

    assertThat(agent.isDone()).isFalse();
    warm.set(true);
    assertThat(agent.isDone()).isTrue();
  }
}
