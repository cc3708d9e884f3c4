package dev.ballast.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The external cluster's kill and restart commands: a command that fails is the infrastructure's;
 * and, on a fake clock with fake commands, every wait is bounded by the action timeout and ends at
 * once on an interrupt or a stop.
 */
class ExternalTaskClusterTest {

  private final ClientSettings client = ClientSettings.of("127.0.0.1:1");
  private final Admin admin = Admins.create(client, Duration.ofSeconds(1));
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    admin.close(Duration.ofSeconds(1));
  }

  private ExternalTaskCluster cluster(String kill, String restart) {
    return new ExternalTaskCluster(
        client, admin, Duration.ofSeconds(1), kill, restart, Duration.ofSeconds(20), log::add);
  }

  @Test
  void aKillCommandThatFailsMakesTheRunInconclusive() {
    ExternalTaskCluster cluster = cluster("echo cannot reach broker {id} >&2; exit 3", "true");
    ScriptedTask task =
        new ScriptedTask()
            .checker(ScriptedTask.always(Verdict.fail("continuity", Severity.CRITICAL, "lost", "")))
            .on(
                TaskPhase.WORKLOAD,
                (c, t) -> {
                  cluster.killBroker(2); // a task on the external cluster kills broker 2
                  return Progress.DONE;
                });
    long[] now = {0};
    RunContext context =
        new RunContext(
            "chaos",
            1,
            1,
            false,
            new FakeCluster(3),
            () -> {
              throw new UnsupportedOperationException();
            },
            () -> now[0],
            Instant.EPOCH,
            Path.of("x"),
            e -> {});
    TaskRunner runner = new TaskRunner("chaos", task, TaskLimits.DEFAULTS, List.of(), context);
    while (!runner.isDone()) {
      runner.doWork(now[0]++);
    }
    TaskResult r = runner.result();
    assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(r.verdicts().get(0).checker()).isEqualTo("infrastructure");
    assertThat(r.verdicts().get(0).summary())
        .isEqualTo(
            "workload: --kill-broker-cmd exited with 3: echo cannot reach broker 2 >&2; exit 3"
                + " (cannot reach broker 2)");
    assertThat(log).contains("running --kill-broker-cmd: echo cannot reach broker 2 >&2; exit 3");
  }

  @Test
  void aMissingCommandIsTheInfrastructureAndTheRequirementSaysSoFirst() {
    ExternalTaskCluster cluster = cluster(null, null);
    assertThat(cluster.canKillBrokers()).isFalse();
    assertThatThrownBy(() -> cluster.killBroker(1))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("this task needs --kill-broker-cmd to act on broker 1 of an external cluster");
    assertThatThrownBy(() -> cluster.setLatency(1, Duration.ofMillis(5)))
        .isInstanceOf(InfrastructureException.class);
    assertThat(Requirements.unmet(Requirements.NONE.killingBrokers(), cluster))
        .contains("--kill-broker-cmd");
  }

  private static final long S = 1_000_000_000L;
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private long now;
  private final Set<Integer> registered = new TreeSet<>(Set.of(1, 2, 3));
  private final List<FakeCommand> started = new ArrayList<>();
  private final List<Map<String, String>> envs = new ArrayList<>();
  private long interruptAt = Long.MAX_VALUE;
  private long stopAt = Long.MAX_VALUE;

  /** A command that runs for {@code nanos} of fake time (forever: Long.MAX_VALUE). */
  private final class FakeCommand implements CommandRunner.Running {
    final long endsAt;
    final int exit;
    final Runnable effect;
    boolean killed;

    FakeCommand(long nanos, int exit, Runnable effect) {
      this.endsAt = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + nanos;
      this.exit = exit;
      this.effect = effect;
    }

    @Override
    public boolean isAlive() {
      return !killed && now < endsAt;
    }

    @Override
    public int exitValue() {
      effect.run();
      return exit;
    }

    @Override
    public String output() {
      return "done by fake";
    }

    @Override
    public void kill() {
      killed = true;
    }
  }

  /**
   * Commands of {@code commandNanos}: after "kill {id}" the broker leaves 3 s later, after "restart
   * {id}" it is back 4 s later.
   */
  private ExternalTaskCluster faked(long commandNanos) {
    CommandRunner shell =
        (command, env) -> {
          envs.add(env);
          int id = Integer.parseInt(env.get("BALLAST_BROKER_ID"));
          FakeCommand c =
              command.startsWith("kill")
                  ? new FakeCommand(commandNanos, 0, () -> leaveAt(id, now + 3 * S))
                  : new FakeCommand(commandNanos, 0, () -> registerAt(id, now + 4 * S));
          started.add(c);
          return c;
        };
    BoundedWaits waits =
        new BoundedWaits(
            () -> now,
            (work, nanos) -> {
              now += Math.max(1, nanos);
              if (now >= interruptAt) {
                Thread.currentThread().interrupt(); // what the task driver does
                interruptAt = Long.MAX_VALUE;
              }
            },
            () -> now >= stopAt,
            LIMIT);
    return new ExternalTaskCluster(
        client,
        admin,
        this::brokers,
        BrokerCommands.killAndRestart("kill {id}", "restart {id}", LIMIT),
        log::add,
        shell,
        waits);
  }

  private final List<long[]> changes = new ArrayList<>();

  private void leaveAt(int id, long at) {
    changes.add(new long[] {id, at, 0});
  }

  private void registerAt(int id, long at) {
    changes.add(new long[] {id, at, 1});
  }

  private List<Integer> brokers() {
    for (long[] c : changes) {
      if (now >= c[1]) {
        if (c[2] == 0) {
          registered.remove((int) c[0]);
        } else {
          registered.add((int) c[0]);
        }
      }
    }
    return List.copyOf(registered);
  }

  @Test
  void killAndRestartWaitForTheClusterToShowTheChangeOnTheClock() {
    ExternalTaskCluster cluster = faked(2 * S);

    cluster.killBroker(2);
    assertThat(now).as("2 s command, 3 s to leave, one poll").isBetween(5 * S, 5 * S + S / 2);
    assertThat(cluster.brokerIds()).containsExactly(1, 3);
    assertThat(cluster.isDown(2)).isTrue();
    assertThat(envs).containsExactly(Map.of("BALLAST_BROKER_ID", "2"));
    assertThat(log).containsExactly("running --kill-broker-cmd: kill 2", "  | done by fake");

    long before = now;
    cluster.restartBroker(2);
    assertThat(now - before).isBetween(6 * S, 6 * S + S / 2);
    assertThat(cluster.isDown(2)).isFalse();
    assertThat(started).noneMatch(c -> c.killed);
  }

  @Test
  void aCommandThatHangsIsKilledAtTheActionTimeout() {
    ExternalTaskCluster cluster = faked(Long.MAX_VALUE);
    assertThatThrownBy(() -> cluster.killBroker(2))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("--kill-broker-cmd did not finish within PT1M: kill 2");
    assertThat(now).isBetween(LIMIT.toNanos(), LIMIT.toNanos() + S / 10);
    assertThat(started.get(0).killed).isTrue();
  }

  @Test
  void aBrokerThatNeverLeavesIsGivenUpOnAtTheActionTimeout() {
    // The command succeeds but the broker stays.
    ExternalTaskCluster stubborn =
        new ExternalTaskCluster(
            client,
            admin,
            () -> List.of(1, 2, 3),
            BrokerCommands.killAndRestart("kill {id}", "restart {id}", LIMIT),
            log::add,
            (command, env) -> new FakeCommand(S, 0, () -> {}),
            new BoundedWaits(() -> now, (w, n) -> now += Math.max(1, n), () -> false, LIMIT));
    assertThatThrownBy(() -> stubborn.killBroker(2))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("gave up after PT1M waiting for broker 2 to leave the cluster");
    assertThat(now).isBetween(S + LIMIT.toNanos(), S + LIMIT.toNanos() + S);
  }

  @Test
  void anInterruptOrAStopEndsAnyWaitWithinOneIdle() {
    ExternalTaskCluster cluster = faked(10 * S);
    interruptAt = 4 * S; // while the kill command runs
    assertThatThrownBy(() -> cluster.killBroker(2))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("interrupted while running --kill-broker-cmd")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).as("the interrupt is kept for the runner").isTrue();
    assertThat(now).isBetween(4 * S, 4 * S + BoundedWaits.COMMAND_POLL.toNanos());
    assertThat(started.get(0).killed).as("the command is killed").isTrue();

    now = 0;
    stopAt = 12 * S; // while waiting for broker 3 to register (a 10 s command, back 4 s later)
    registered.remove(3);
    assertThatThrownBy(() -> cluster.restartBroker(3))
        .isInstanceOf(InfrastructureException.class)
        .hasMessage("stopped while waiting for broker 3 to register again");
    assertThat(now).isBetween(12 * S, 12 * S + BoundedWaits.COMMAND_POLL.toNanos());
    assertThat(cluster.brokerIds()).doesNotContain(3);
  }
}
