package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ThrottleConfigs;
import dev.ballast.kafka.exec.TopicJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code ballast execute --throttle} in a child JVM, killed -9 mid-move, and the next run:
 * {@code balance} adopts the moves and removes every throttle it set (configs back to what they
 * held, an operator's own throttles untouched); {@code execute --cancel} reverts them; {@code
 * execute --verify} removes the throttle once the moves end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final long THROTTLE = 200_000;
  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  private final List<Process> children = new ArrayList<>();
  @TempDir Path dir;

  @BeforeAll
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(p);
    // A cluster-wide default throttle of an operator stays visible on every broker after
    // Ballast's per-broker value is gone: it must not make removal loop.
    setConfig(broker(""), "follower.replication.throttled.rate", "88888888");
  }

  /**
   * Starts each case from the same state, whatever the one before left: nothing in flight, an empty
   * journal, and an operator's own rate on broker 1 only.
   */
  @BeforeEach
  void operatorsThrottlesOnly() {
    await().atMost(Duration.ofSeconds(120)).until(() -> inFlight() == 0);
    try (ExecutionJournal journal =
        TopicJournal.open(ClientSettings.of(cluster.bootstrapServers()), admin, TIMEOUT)) {
      journal.clearMoves(journal.state().moves().keySet());
      journal.clearThrottles(journal.state().throttles().keySet());
    }
    for (String b : List.of("0", "1", "2")) {
      AdminCalls.get(
          admin
              .incrementalAlterConfigs(
                  Map.of(
                      broker(b),
                      List.of(
                          new AlterConfigOp(
                              new ConfigEntry("leader.replication.throttled.rate", null),
                              AlterConfigOp.OpType.DELETE),
                          new AlterConfigOp(
                              new ConfigEntry("follower.replication.throttled.rate", null),
                              AlterConfigOp.OpType.DELETE))))
              .all(),
          TIMEOUT,
          "reset broker " + b);
    }
    setConfig(broker("1"), "leader.replication.throttled.rate", "7777777");
  }

  @AfterAll
  void stop() {
    children.forEach(Process::destroyForcibly);
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void killedMidMoveThenBalanceAdoptsTheMovesAndRestoresEveryThrottle() throws IOException {
    Path plan = crashMidMove("adopt-me");
    Map<String, Map<String, String>> before = beforeFor("adopt-me");

    AtomicLong movesDone = new AtomicLong();
    AtomicLong throttlesGone = new AtomicLong();
    long restart = System.nanoTime();
    ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
    watch.scheduleWithFixedDelay(
        () -> {
          try {
            if (movesDone.get() == 0 && inFlight() == 0) {
              movesDone.set(System.nanoTime());
            }
            if (throttlesGone.get() == 0 && throttles("adopt-me").equals(before)) {
              throttlesGone.set(System.nanoTime());
            }
          } catch (RuntimeException e) {
            // the next round tries again
          }
        },
        0,
        100,
        TimeUnit.MILLISECONDS);
    CommandRun run;
    try {
      run =
          CommandRun.of(
              "balance",
              "--bootstrap-server",
              cluster.bootstrapServers(),
              "--once",
              "--interval",
              "1s",
              "--samples",
              "2",
              "--no-canary",
              "--duration",
              "3m");
      await().atMost(Duration.ofSeconds(10)).until(() -> throttlesGone.get() != 0);
    } finally {
      watch.shutdownNow();
    }

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("resuming what an earlier run left in the execution journal: 2 move(s)")
        .contains("adopt-me-0: Ballast's own move to [1]", "), adopted")
        .doesNotContain("someone else is reassigning");
    assertThat(replicas("adopt-me", 0)).containsExactly(1);
    assertThat(replicas("adopt-me", 1)).containsExactly(2);
    assertThat(endOffsets("adopt-me")).as("every record on the new replicas").containsOnly(2500L);
    assertThat(throttles("adopt-me")).isEqualTo(before);
    assertThat(journalIsEmpty()).isTrue();
    System.out.printf(
        Locale.ROOT,
        "FIGURE crash recovery: restart -> moves done %.1f s, moves done -> throttles removed"
            + " %.1f s (balancer interval 1 s)%n",
        (movesDone.get() - restart) / 1e9,
        Math.max(0, throttlesGone.get() - movesDone.get()) / 1e9);
    assertThat(plan).exists();
  }

  @Test
  void killedMidMoveThenExecuteCancelRevertsTheMovesAndRestoresTheThrottles() throws IOException {
    Path plan = crashMidMove("revert-me");
    Map<String, Map<String, String>> before = beforeFor("revert-me");

    CommandRun cancel =
        CommandRun.of(
            "execute",
            plan.toString(),
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--cancel");

    assertThat(cancel.exit()).as(cancel.out()).isZero();
    assertThat(cancel.out()).contains("cancelling them", "in-flight move(s) reverted");
    assertThat(inFlight()).isZero();
    assertThat(replicas("revert-me", 0)).containsExactly(0);
    assertThat(endOffsets("revert-me")).containsOnly(2500L);
    assertThat(throttles("revert-me")).isEqualTo(before);
    assertThat(journalIsEmpty()).isTrue();
  }

  @Test
  void killedMidMoveThenVerifyRemovesTheThrottleOnlyOnceTheMovesEnd() throws IOException {
    Path plan = crashMidMove("verify-me");
    Map<String, Map<String, String>> before = beforeFor("verify-me");

    CommandRun early = verify(plan);
    assertThat(early.out()).contains("move(s) of Ballast still in flight: its throttle stays");
    assertThat(throttles("verify-me")).isNotEqualTo(before);

    await().atMost(Duration.ofSeconds(90)).until(() -> inFlight() == 0);
    CommandRun late = verify(plan);

    assertThat(late.exit()).as(late.out()).isZero();
    assertThat(late.out()).contains("removed the throttle Ballast had left");
    assertThat(endOffsets("verify-me")).containsOnly(2500L);
    assertThat(throttles("verify-me")).isEqualTo(before);
    assertThat(journalIsEmpty()).isTrue();
    assertThat(verify(plan).out()).contains("no throttle or move of Ballast is left");
  }

  /**
   * Creates {@code topic} with two partitions on broker 0 (and an operator's throttle on it),
   * starts {@code ballast execute --throttle} moving them to brokers 1 and 2 in a child JVM, and
   * kills it -9 once both moves are in flight and throttled. Returns the plan file.
   */
  private Path crashMidMove(String topic) throws IOException {
    AdminCalls.get(
        admin
            .createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(0), 1, List.of(0)))))
            .all(),
        TIMEOUT,
        "create " + topic);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> replicas(topic, 1).size() == 1);
    setConfig(topic(topic), "leader.replication.throttled.replicas", "9:0");
    fill(topic, 2500); // beyond the first fetch (1 MB) the throttle holds it to ~25 s
    Path plan =
        Files.writeString(
            dir.resolve(topic + ".json"),
            "{\"version\":1,\"partitions\":[{\"topic\":\""
                + topic
                + "\",\"partition\":0,\"replicas\":[1]},{\"topic\":\""
                + topic
                + "\",\"partition\":1,\"replicas\":[2]}]}");
    Map<String, Map<String, String>> before = throttles(topic);
    Path log = dir.resolve(topic + ".log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                dev.ballast.app.Main.class.getName(),
                "execute",
                plan.toString(),
                "--bootstrap-server",
                cluster.bootstrapServers(),
                "--throttle",
                Long.toString(THROTTLE))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    children.add(child);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () ->
                inFlight() == 2
                    && Long.toString(THROTTLE)
                        .equals(
                            throttles(topic)
                                .get("broker 0")
                                .get("leader.replication.throttled.rate")),
            ok -> ok || !child.isAlive());
    assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());
    assertThat(inFlight()).as("the moves outlive the killed process").isEqualTo(2);
    assertThat(throttles(topic)).as("the throttle is left behind").isNotEqualTo(before);
    befores.put(topic, before);
    return plan;
  }

  private final Map<String, Map<String, Map<String, String>>> befores = new TreeMap<>();

  private Map<String, Map<String, String>> beforeFor(String topic) {
    Map<String, Map<String, String>> before = befores.get(topic);
    assertThat(before.get("broker 1"))
        .containsEntry("leader.replication.throttled.rate", "7777777");
    assertThat(before.get("topic " + topic))
        .containsEntry("leader.replication.throttled.replicas", "9:0");
    return before;
  }

  private CommandRun verify(Path plan) {
    return CommandRun.of(
        "execute", plan.toString(), "--bootstrap-server", cluster.bootstrapServers(), "--verify");
  }

  private boolean journalIsEmpty() {
    try (ExecutionJournal journal =
        TopicJournal.open(ClientSettings.of(cluster.bootstrapServers()), admin, TIMEOUT)) {
      return journal.state().isEmpty();
    }
  }

  /** Returns the end offset of both partitions of {@code topic}, read from their leaders. */
  private List<Long> endOffsets(String topic) {
    Map<TopicPartition, OffsetSpec> latest =
        Map.of(
            new TopicPartition(topic, 0), OffsetSpec.latest(),
            new TopicPartition(topic, 1), OffsetSpec.latest());
    return AdminCalls.get(admin.listOffsets(latest).all(), TIMEOUT, "list offsets")
        .values()
        .stream()
        .map(ListOffsetsResult.ListOffsetsResultInfo::offset)
        .toList();
  }

  private int inFlight() {
    return AdminCalls.get(admin.listPartitionReassignments().reassignments(), TIMEOUT, "list")
        .size();
  }

  private List<Integer> replicas(String topic, int partition) {
    return AdminCalls.get(admin.describeTopics(Set.of(topic)).allTopicNames(), TIMEOUT, "describe")
        .get(topic)
        .partitions()
        .get(partition)
        .replicas()
        .stream()
        .map(Node::id)
        .toList();
  }

  /** Returns the throttle keys set dynamically on each broker and on {@code topic}. */
  private Map<String, Map<String, String>> throttles(String topic) {
    List<ConfigResource> resources =
        new ArrayList<>(List.of(broker("0"), broker("1"), broker("2"), topic(topic)));
    Map<String, Map<String, String>> out = new TreeMap<>();
    ThrottleConfigs.dynamic(admin, resources, TIMEOUT)
        .forEach(
            (r, values) ->
                out.put(r.type().name().toLowerCase(Locale.ROOT) + " " + r.name(), values));
    return out;
  }

  private void fill(String topic, int kilobytesPerPartition) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      byte[] value = new byte[1024];
      for (int part = 0; part < 2; part++) {
        for (int i = 0; i < kilobytesPerPartition; i++) {
          producer.send(new ProducerRecord<>(topic, part, null, value));
        }
      }
      producer.flush();
    }
  }

  private void setConfig(ConfigResource resource, String key, String value) {
    AdminCalls.get(
        admin
            .incrementalAlterConfigs(
                Map.of(
                    resource,
                    List.of(
                        new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET))))
            .all(),
        TIMEOUT,
        "set " + key);
  }

  private static ConfigResource broker(String id) {
    return new ConfigResource(ConfigResource.Type.BROKER, id);
  }

  private static ConfigResource topic(String name) {
    return new ConfigResource(ConfigResource.Type.TOPIC, name);
  }
}
