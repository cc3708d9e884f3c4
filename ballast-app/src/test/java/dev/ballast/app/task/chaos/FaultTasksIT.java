package dev.ballast.app.task.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.ExternalTaskCluster;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault tasks on one real 3-broker cluster whose controller never rebalances leaders by itself
 * ({@code auto.leader.rebalance.enable=false}), so leadership comes back only by Ballast's step or
 * not at all.
 */
class FaultTasksIT {

  private static EmbeddedKafkaCluster cluster;
  private static EmbeddedTaskCluster tasks;

  @TempDir Path results;

  @BeforeAll
  static void start() {
    cluster =
        EmbeddedKafkaCluster.start(
            TaskHarness.spec(Map.of("auto.leader.rebalance.enable", "false")));
    tasks = new EmbeddedTaskCluster(cluster);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Shorter than --quick: 2 s of warm-up and of load before the kill, 5 s down. */
  private static ChaosConfig chaos() {
    Duration two = Duration.ofSeconds(2);
    return new ChaosConfig(
        null,
        null,
        null,
        200.0,
        null,
        two,
        two,
        Duration.ofSeconds(5),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void chaosRecoversFromAKilledBrokerWithNothingLost() {
    TaskResult result = TaskHarness.run("chaos", new ChaosTask(chaos(), false), tasks, results);
    assertThat(result.verdicts()).extracting(Verdict::outcome).containsOnly(Outcome.PASS);
    assertThat(result.verdicts())
        .extracting(Verdict::checker)
        .contains(
            "leader-recovery",
            "throughput-recovery",
            "continuity",
            "isr-recovery",
            "leader-balance");
    assertThat(result.run().figure("leader-recovery-s")).isPresent();
    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aKillCommandThatFailsIsInconclusiveNeverFail() {
    ClientSettings client = ClientSettings.of(cluster.bootstrapServers());
    Admin admin = Admins.create(client, Duration.ofSeconds(10));
    try (ExternalTaskCluster external =
        new ExternalTaskCluster(
            client,
            admin,
            Duration.ofSeconds(10),
            "exit 3",
            "exit 3",
            Duration.ofSeconds(20),
            System.out::println)) {
      TaskResult result =
          TaskHarness.run("chaos", new ChaosTask(chaos(), false), external, results);
      assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
      assertThat(result.verdicts()).extracting(Verdict::outcome).doesNotContain(Outcome.FAIL);
    } finally {
      admin.close();
    }
    assertThat(cluster.downBrokers()).isEmpty();
  }

  @Test
  void aRollingRestartLosesNothingAndEndsBalanced() {
    RollingRestartConfig config =
        new RollingRestartConfig(
            3,
            null,
            null,
            200.0,
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            null,
            null,
            null,
            null,
            // generous: the p99 includes every stall of a loaded 2-core CI machine running 4 JVMs
            Duration.ofSeconds(15));
    TaskResult result =
        TaskHarness.run("rolling-restart", new RollingRestartTask(config, false), tasks, results);
    assertThat(result.verdicts()).extracting(Verdict::outcome).containsOnly(Outcome.PASS);
    assertThat(result.run().observation(Observed.ROLLING).orElseThrow().restarts()).hasSize(3);
    assertThat(result.run().figure("restart-s-broker-0")).isPresent();
  }

  @Test
  void leaderSkewWithoutARebalancerIsJudgedFail() {
    LeaderSkewConfig config = new LeaderSkewConfig(3, null, null, null, Duration.ofSeconds(12));
    TaskResult result =
        TaskHarness.run(
            "leader-skew", new LeaderSkewTask(config, /* external= */ true), tasks, results);
    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    Verdict v = result.verdicts().get(0);
    assertThat(v.checker()).isEqualTo("leader-balance");
    assertThat(v.summary()).startsWith("leadership not balanced again within 12.0 s");
  }
}
