package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.exec.ExecutionAgent;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.Reassignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A targeted plan made on a live cluster, executed later inside a window: re-validation drops the
 * move someone made by hand since; and a cordoned broker (KIP-1066) is refused as a target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecuteWindowIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  @TempDir Path dir;

  @BeforeAll
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(p);
    AdminCalls.get(
        admin
            .createTopics(
                List.of(
                    new NewTopic("windowed", Map.of(0, List.of(0), 1, List.of(0), 2, List.of(0)))))
            .all(),
        TIMEOUT,
        "create windowed");
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

  /** Returns a window open from an hour ago to an hour from now, in UTC. */
  private static String windowAroundNow() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
    return now.minusHours(1).format(hm) + "-" + now.plusHours(1).format(hm);
  }

  @Order(1)
  @Test
  void aPlanMadeEarlierDropsTheMoveSomeoneMadeByHandAndRunsTheRest() throws IOException {
    Path plan = dir.resolve("relieve.json");
    CommandRun planned =
        CommandRun.of(
            "plan",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--samples",
            "2",
            "--interval",
            "1s",
            "--only-relieve",
            "replicas>1",
            "-o",
            plan.toString());
    assertThat(planned.exit()).as(planned.out()).isZero();
    assertThat(planned.out()).contains("broker 0: replicas 3 -> 1 (limit 1)");
    assertThat(Files.readString(plan).replaceAll("\\s", ""))
        .contains("\"partition\":0,\"replicas\":[1]")
        .contains("\"partition\":1,\"replicas\":[2]");

    // Someone moves windowed-1 by hand before the window opens.
    AdminCalls.get(
        admin
            .alterPartitionReassignments(
                Map.of(
                    new TopicPartition("windowed", 1),
                    Optional.of(new NewPartitionReassignment(List.of(1)))))
            .all(),
        TIMEOUT,
        "move windowed-1 by hand");
    await().atMost(Duration.ofSeconds(60)).until(() -> replicas(1).equals(List.of(1)));

    CommandRun run =
        CommandRun.of(
            "execute",
            plan.toString(),
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--execute-window",
            windowAroundNow());

    assertThat(run.out())
        .contains("the plan was made for the placement in " + dir.resolve("relieve.rollback.json"))
        .contains("1 move(s) kept, 1 stale dropped")
        .contains(
            "windowed-1: dropped, its replicas are [1] now and the plan was made when they were"
                + " [0] (moved since by someone else)")
        .contains("execution done: 1 moved")
        .contains("1 stale move(s) were dropped before the start");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(replicas(0)).containsExactly(1);
    assertThat(replicas(1)).containsExactly(1);
  }

  @Order(2)
  @Test
  void aBrokerWithEveryLogDirCordonedTakesNoNewReplica() throws IOException {
    AdminCalls.get(
        admin
            .incrementalAlterConfigs(
                Map.of(
                    new ConfigResource(ConfigResource.Type.BROKER, "2"),
                    List.of(
                        new AlterConfigOp(
                            new ConfigEntry("cordoned.log.dirs", "*"), AlterConfigOp.OpType.SET))))
            .all(),
        TIMEOUT,
        "cordon broker 2");
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  AdminCalls.get(
                          admin.describeLogDirs(List.of(2)).allDescriptions(), TIMEOUT, "dirs")
                      .get(2)
                      .values()
                      .stream()
                      .allMatch(d -> d.isCordoned()));
      Path plan =
          Files.writeString(
              dir.resolve("to-cordoned.json"),
              "{\"version\":1,\"partitions\":[{\"topic\":\"windowed\",\"partition\":2,"
                  + "\"replicas\":[2]}]}");

      CommandRun run =
          CommandRun.of(
              "execute", plan.toString(), "--bootstrap-server", cluster.bootstrapServers());

      assertThat(run.exit()).as(run.out()).isEqualTo(2);
      assertThat(run.out())
          .contains(
              "windowed-2: broker 2 has every log dir cordoned (KIP-1066) and takes no new"
                  + " replica; nothing was executed");
      assertThat(replicas(2)).containsExactly(0);
    } finally {
      AdminCalls.get(
          admin
              .incrementalAlterConfigs(
                  Map.of(
                      new ConfigResource(ConfigResource.Type.BROKER, "2"),
                      List.of(
                          new AlterConfigOp(
                              new ConfigEntry("cordoned.log.dirs", ""),
                              AlterConfigOp.OpType.DELETE))))
              .all(),
          TIMEOUT,
          "uncordon broker 2");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  AdminCalls.get(
                          admin.describeLogDirs(List.of(2)).allDescriptions(), TIMEOUT, "dirs")
                      .get(2)
                      .values()
                      .stream()
                      .noneMatch(d -> d.isCordoned()));
    }
  }

  @Order(3)
  @Test
  void whenTheWindowClosesMovesInFlightFinishAndTheRestAreNotStarted() {
    // windowed-0 and -1 are on broker 1 now; one move at a time, and the window closes at once.
    PlanExecutor executor = new PlanExecutor(admin, ExecutorSettings.defaults().withLimits(1, 1));
    executor.start(
        List.of(
            new Reassignment("windowed", 0, List.of(2), 0),
            new Reassignment("windowed", 1, List.of(2), 0)));
    ExecutionProgress end =
        new ExecutionAgent(
                executor,
                System::nanoTime,
                Duration.ofMinutes(2),
                p -> {
                  if (p.inFlight() > 0) {
                    executor.stopStarting("the execute window closed");
                  }
                })
            .runToEnd(Duration.ofMillis(50));

    assertThat(end.phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(end.done()).isEqualTo(1);
    assertThat(end.notes()).contains("the execute window closed");
    assertThat(executor.notStarted()).extracting(Reassignment::name).containsExactly("windowed-1");
    assertThat(replicas(0)).containsExactly(2);
    assertThat(replicas(1)).containsExactly(1);
  }

  private List<Integer> replicas(int partition) {
    return AdminCalls.get(
            admin.describeTopics(List.of("windowed")).allTopicNames(), TIMEOUT, "describe")
        .get("windowed")
        .partitions()
        .get(partition)
        .replicas()
        .stream()
        .map(Node::id)
        .toList();
  }
}
