package dev.ballast.app.task.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.TaskResult;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external-balancer judge against a real external actor: Kafka's own automatic preferred-leader
 * rebalancing, switched on with {@code --broker-config} and a 5 s check interval. (The same task
 * with it switched off is judged FAIL in {@link FaultTasksIT}.)
 */
class LeaderSkewIT {

  private static EmbeddedKafkaCluster cluster;

  @TempDir Path results;

  @BeforeAll
  static void start() {
    cluster =
        EmbeddedKafkaCluster.start(
            TaskHarness.spec(
                Map.of(
                    "auto.leader.rebalance.enable", "true",
                    "leader.imbalance.check.interval.seconds", "5")));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void kafkasAutoLeaderRebalanceIsJudgedPassWithTheExternalBalancer() {
    LeaderSkewConfig config = new LeaderSkewConfig(3, null, null, null, Duration.ofSeconds(40));
    TaskResult result =
        TaskHarness.run(
            "leader-skew",
            new LeaderSkewTask(config, /* external= */ true),
            new EmbeddedTaskCluster(cluster),
            results);
    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    Observed.Balance balance = result.run().observation(Observed.BALANCE).orElseThrow();
    assertThat(balance.balancer()).isEqualTo("external");
    assertThat(Leadership.balanced(balance.skewed()))
        .as("skewed first: %s", balance.skewed())
        .isFalse();
  }
}
