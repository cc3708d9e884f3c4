package dev.ballast.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentRunnerTest {

  /** Plays a script of step outcomes (a work count or an exception), then is done. */
  static final class ScriptedAgent implements Agent {
    final Deque<Object> script = new ArrayDeque<>();
    final List<String> closes = new ArrayList<>();
    int steps;
    long nanosUntilWork = 7;
    boolean endless;
    RuntimeException onCloseThrows;

    ScriptedAgent then(Object... outcomes) {
      script.addAll(List.of(outcomes));
      return this;
    }

    @Override
    public int doWork() throws Exception {
      steps++;
      Object next = endless && script.isEmpty() ? 0 : script.poll();
      if (next instanceof Exception e) {
        throw e;
      }
      return (Integer) next;
    }

    @Override
    public long nanosUntilWork() {
      return nanosUntilWork;
    }

    @Override
    public boolean isDone() {
      return !endless && script.isEmpty();
    }

    @Override
    public void onClose() {
      closes.add(Thread.currentThread().getName());
      if (onCloseThrows != null) {
        throw onCloseThrows;
      }
    }

    @Override
    public String roleName() {
      return "scripted";
    }
  }

  /** Records every idle call instead of parking. */
  static final class RecordingIdle implements IdleStrategy {
    final List<Long> idles = new ArrayList<>();

    @Override
    public void idle(int workCount, long nanosUntilDue) {
      idles.add(nanosUntilDue);
    }
  }

  final RecordingIdle idle = new RecordingIdle();

  @Test
  void runsUntilDoneAndIdlesOnlyAfterStepsThatDidNothing() {
    ScriptedAgent agent = new ScriptedAgent().then(3, 0, 1, 0, 0);
    AgentRunner runner = AgentRunner.onCallerThread(agent, idle, ErrorHandler.stopOnFirst());

    runner.run();

    assertThat(agent.steps).isEqualTo(5);
    assertThat(idle.idles).containsExactly(7L, 7L, 7L);
    assertThat(agent.closes).hasSize(1);
    assertThat(runner.error()).isNull();
    assertThat(runner.isAlive()).isFalse();
  }

  @Test
  void stopOnFirstKeepsTheErrorAndClosesOnce() {
    IllegalStateException boom = new IllegalStateException("boom");
    ScriptedAgent agent = new ScriptedAgent().then(1, boom, 1, 1);
    List<Throwable> seen = new ArrayList<>();
    AgentRunner runner =
        AgentRunner.onCallerThread(
            agent,
            idle,
            e -> {
              seen.add(e);
              return ErrorHandler.Decision.STOP;
            });

    runner.run();

    assertThat(seen).containsExactly(boom);
    assertThat(agent.steps).isEqualTo(2);
    assertThat(runner.error()).isSameAs(boom);
    assertThat(agent.closes).hasSize(1);
    assertThatThrownBy(runner::throwIfFailed).isSameAs(boom);
  }

  @Test
  void aHandlerThatContinuesKeepsTheLoopGoingAndRecordsNoError() {
    ScriptedAgent agent =
        new ScriptedAgent().then(new IllegalStateException("a"), 1, new IOException("b"), 2);
    List<Throwable> seen = new ArrayList<>();
    AgentRunner runner =
        AgentRunner.onCallerThread(
            agent,
            idle,
            e -> {
              seen.add(e);
              return ErrorHandler.Decision.continueAfter(Duration.ZERO);
            });

    runner.run();

    assertThat(seen).extracting(Throwable::getMessage).containsExactly("a", "b");
    assertThat(agent.steps).isEqualTo(4);
    assertThat(runner.error()).isNull();
    assertThat(agent.closes).hasSize(1);
  }

  @Test
  void aHandlerCanContinueOnSomeErrorsAndStopOnOthers() {
    IOException fatal = new IOException("no permission");
    ScriptedAgent agent =
        new ScriptedAgent().then(new IllegalStateException("transient"), 1, fatal, 1, 1);
    AgentRunner runner =
        AgentRunner.onCallerThread(
            agent,
            idle,
            e ->
                e instanceof IOException
                    ? ErrorHandler.Decision.STOP
                    : ErrorHandler.Decision.continueAfter(Duration.ZERO));

    runner.run();

    assertThat(agent.steps).isEqualTo(3);
    assertThat(runner.error()).isSameAs(fatal);
    assertThatThrownBy(runner::throwIfFailed)
        .isInstanceOf(IllegalStateException.class)
        .hasCause(fatal)
        .hasMessageContaining("scripted");
  }

  @Test
  void aHandlerThatThrowsStopsTheLoopWithItsOwnError() {
    ScriptedAgent agent = new ScriptedAgent().then(new IllegalStateException("step"), 1);
    IllegalArgumentException fromHandler = new IllegalArgumentException("handler");
    AgentRunner runner =
        AgentRunner.onCallerThread(
            agent,
            idle,
            e -> {
              throw fromHandler;
            });

    runner.run();

    assertThat(runner.error()).isSameAs(fromHandler);
    assertThat(agent.closes).hasSize(1);
  }

  @Test
  void anErrorInOnCloseIsKeptOnlyWhenNoStepFailed() {
    ScriptedAgent clean = new ScriptedAgent().then(1);
    clean.onCloseThrows = new IllegalStateException("close");
    AgentRunner first = AgentRunner.onCallerThread(clean, idle, ErrorHandler.stopOnFirst());
    first.run();
    assertThat(first.error()).hasMessage("close");

    ScriptedAgent failing = new ScriptedAgent().then(new IllegalStateException("step"));
    failing.onCloseThrows = new IllegalStateException("close");
    AgentRunner second = AgentRunner.onCallerThread(failing, idle, ErrorHandler.stopOnFirst());
    second.run();
    assertThat(second.error()).hasMessage("step");
  }

  @Test
  void ownThreadIsNamedAfterTheRoleAndStopsWithinTheTimeoutClosingOnce() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    agent.endless = true;
    CountDownLatch stepping = new CountDownLatch(3);
    IdleStrategy countingIdle = (work, nanos) -> stepping.countDown();
    AgentRunner runner = AgentRunner.start(agent, countingIdle);

    assertThat(stepping.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(runner.isAlive()).isTrue();
    assertThat(runner.stop(Duration.ofSeconds(30))).isTrue();
    runner.close();

    assertThat(runner.isAlive()).isFalse();
    assertThat(agent.closes).containsExactly("ballast-scripted");
    assertThat(runner.error()).isNull();
  }

  @Test
  void stopCutsAnErrorBackOffShort() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    agent.endless = true;
    agent.then(new IllegalStateException("once"));
    CountDownLatch handled = new CountDownLatch(1);
    AgentRunner runner =
        AgentRunner.start(
            agent,
            idle,
            e -> {
              handled.countDown();
              return ErrorHandler.Decision.continueAfter(Duration.ofHours(1));
            });

    assertThat(handled.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(runner.stop(Duration.ofSeconds(30))).isTrue();
    assertThat(agent.closes).hasSize(1);
  }

  @Test
  void anInterruptedCallerThreadEndsTheLoop() {
    ScriptedAgent agent = new ScriptedAgent();
    agent.endless = true;
    AgentRunner runner =
        AgentRunner.onCallerThread(
            agent, (work, nanos) -> Thread.currentThread().interrupt(), ErrorHandler.stopOnFirst());

    runner.run();
    boolean interrupted = Thread.interrupted();

    assertThat(interrupted).isTrue();
    assertThat(agent.steps).isEqualTo(1);
    assertThat(agent.closes).hasSize(1);
  }

  @Test
  void aLoopRunsOnceAndAStoppedLoopThatNeverRanDoesNoWork() {
    ScriptedAgent agent = new ScriptedAgent().then(1, 1);
    AgentRunner runner = AgentRunner.onCallerThread(agent, idle, ErrorHandler.stopOnFirst());

    assertThat(runner.stop(Duration.ofMillis(1))).isTrue();
    runner.run();
    assertThat(agent.steps).isZero();
    assertThat(agent.closes).hasSize(1);
    assertThatThrownBy(runner::run).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDecisionRejectsANegativeBackOff() {
    assertThatThrownBy(() -> new ErrorHandler.Decision(false, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffNanos");
  }
}
