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
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The external cluster's kill and restart commands: a command that fails is the infrastructure's.
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
}
