package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code execute}, {@code drain} and {@code snapshot} from the command line on a real cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalanceCommandsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  @TempDir Path dir;

  record Run(int exit, String out) {}

  @BeforeAll
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(p);
    AdminCalls.get(
        admin
            .createTopics(
                List.of(new NewTopic("plan-me", Map.of(0, List.of(0, 1), 1, List.of(1, 2)))))
            .all(),
        TIMEOUT,
        "create plan-me");
  }

  @AfterAll
  void stop() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Order(1)
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"version\":1,\"partitions\":[{\"topic\":\"plan-me\",\"partition\":0,\"replicas\":[2,2]}]} | partitions[0]: plan-me-0 lists a broker twice in its replicas [2, 2]; nothing was executed",
        "{\"version\":1,\"partitions\":[{\"topic\":\"nope\",\"partition\":0,\"replicas\":[2,0]}]}    | nope-0: topic nope does not exist; nothing was executed",
        "{\"version\":1,\"partitions\":[{\"topic\":\"plan-me\",\"partition\":0,\"replicas\":[2,9]}]} | plan-me-0: broker 9 is not in the cluster (brokers: 0,1,2); nothing was executed",
        "{\"version\":1,\"partitions\":[{\"topic\":\"plan-me\",\"partition\":0,\"replicas\":[2]}]}   | plan-me-0: the plan changes the replication factor from 2 to 1 (Ballast keeps it, KIP-860; --allow-replication-factor-change applies it); nothing was executed",
        "{\"version\":1,\"partitions\":[{\"topic\":\"plan-me\"                                      | not valid JSON",
      })
  void aBadPlanIsOneClearErrorAndExecutesNothing(String json, String message) throws IOException {
    Path plan = Files.writeString(dir.resolve("bad.json"), json.trim());

    Run run = cli("execute", plan.toString(), "--bootstrap-server", cluster.bootstrapServers());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains(message.trim());
    assertThat(run.out().lines().filter(l -> l.startsWith("ballast: ")).count()).isEqualTo(1);
    assertThat(replicas("plan-me", 0)).containsExactly(0, 1);
    assertThat(AdminCalls.get(admin.listPartitionReassignments().reassignments(), TIMEOUT, "list"))
        .isEmpty();
  }

  @Order(2)
  @Test
  void kafkasOwnJsonExecutesVerifiesAndRunsAgainAsANoOp() throws IOException {
    Path plan =
        Files.writeString(
            dir.resolve("move.json"),
            "{\"version\":1,\"partitions\":[{\"topic\":\"plan-me\",\"partition\":1,\"replicas\":[0,2],\"log_dirs\":[\"any\",\"any\"]}]}");

    Run run =
        cli(
            "execute",
            plan.toString(),
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--throttle",
            "10000000");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("execution done: 1 moved, 0 failed, 0 skipped");
    assertThat(replicas("plan-me", 1)).containsExactly(0, 2);
    assertThat(leader("plan-me", 1)).isZero();

    Run verify =
        cli(
            "execute",
            plan.toString(),
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--verify");
    assertThat(verify.exit()).isZero();
    assertThat(verify.out())
        .contains("plan-me-1 -> [0, 2]: complete", "1 of 1 partition(s) at their target");

    Run again = cli("execute", plan.toString(), "--bootstrap-server", cluster.bootstrapServers());
    assertThat(again.out())
        .contains("executing 0 reassignment(s)", "(1 already at target or left alone)");
  }

  @Order(4)
  @Test
  void drainEmptiesTheBrokerAndSnapshotWritesTheModel() throws IOException {
    AdminCalls.get(
        admin
            .createTopics(
                List.of(
                    new NewTopic(
                        "drain-me",
                        Map.of(0, List.of(0), 1, List.of(1), 2, List.of(2), 3, List.of(2)))))
            .all(),
        TIMEOUT,
        "create drain-me");

    Run drain =
        cli(
            "drain",
            "2",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--interval",
            "1s",
            "--samples",
            "2",
            "--no-canary");
    assertThat(drain.exit()).as(drain.out()).isZero();
    assertThat(drain.out()).contains("anomaly: draining-broker [2]", "execution done");
    Map<Integer, Long> replicasPerBroker =
        describe("drain-me").stream()
            .flatMap(p -> p.replicas().stream())
            .collect(Collectors.groupingBy(Node::id, Collectors.counting()));
    assertThat(replicasPerBroker).doesNotContainKey(2).containsOnlyKeys(0, 1);

    Path snapshot = dir.resolve("cluster.json");
    Run snap =
        cli(
            "snapshot",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "-o",
            snapshot.toString(),
            "--samples",
            "2",
            "--interval",
            "1s");
    assertThat(snap.exit()).as(snap.out()).isZero();
    assertThat(Files.readString(snapshot))
        .contains("\"drain-me\"", "\"plan-me\"", "messagesInPerSec");

    // The same sampling, then a plan, in one command.
    Path sampled = dir.resolve("sampled.json");
    Run plan =
        cli(
            "plan",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--samples",
            "2",
            "--interval",
            "1s",
            "--save-snapshot",
            sampled.toString());
    assertThat(plan.exit()).as(plan.out()).isZero();
    assertThat(plan.out()).contains("sampling " + cluster.bootstrapServers(), "Plan: ");
    assertThat(Files.readString(sampled)).contains("\"plan-me\"", "messagesInPerSec");
  }

  @Order(3)
  @Test
  void drainOfAnUnknownBrokerNamesTheBrokers() {
    Run run = cli("drain", "7", "--bootstrap-server", cluster.bootstrapServers());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("broker 7 is not in the cluster (brokers: 0,1,2)");
  }

  private Run cli(String... args) {
    CommandRun run = CommandRun.of(args);
    return new Run(run.exit(), run.out());
  }

  private List<org.apache.kafka.common.TopicPartitionInfo> describe(String topic) {
    return AdminCalls.get(admin.describeTopics(Set.of(topic)).allTopicNames(), TIMEOUT, "describe")
        .get(topic)
        .partitions();
  }

  private List<Integer> replicas(String topic, int partition) {
    return describe(topic).get(partition).replicas().stream().map(Node::id).toList();
  }

  private int leader(String topic, int partition) {
    return describe(topic).get(partition).leader().id();
  }
}
