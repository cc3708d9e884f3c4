package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The executor on a real embedded cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanExecutorIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private EmbeddedKafkaCluster cluster;
  private Admin admin;

  @BeforeAll
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(p);
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

  @Test
  void fourOneOneBecomesTwoTwoTwoAndTheThrottleIsRemoved() {
    createTopic(
        "even",
        Map.of(
            0,
            List.of(0),
            1,
            List.of(0),
            2,
            List.of(0),
            3,
            List.of(0),
            4,
            List.of(1),
            5,
            List.of(2)));
    fill("even", 6, 200);
    PlanExecutor executor =
        new PlanExecutor(admin, ExecutorSettings.defaults().withThrottle(50_000_000));
    executor.start(
        List.of(
            new Reassignment("even", 2, List.of(1), 0),
            new Reassignment("even", 3, List.of(2), 0)));
    eventually(() -> assertThat(throttledBrokers()).containsExactlyInAnyOrder(0, 1, 2));

    ExecutionProgress end = run(executor);

    assertThat(end.phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(end.done()).isEqualTo(2);
    assertThat(leadersPerBroker("even"))
        .containsExactlyInAnyOrderEntriesOf(Map.of(0, 2L, 1, 2L, 2, 2L));
    eventually(() -> assertThat(throttledBrokers()).isEmpty());
    eventually(() -> assertThat(topicConfig("even", Throttles.LEADER_REPLICAS)).isNull());
  }

  @Test
  void leadershipOnlyChangeMovesNoDataAndElectsTheNewLeader() {
    createTopic("lead", Map.of(0, List.of(0, 1), 1, List.of(0, 2)));
    PlanExecutor executor = new PlanExecutor(admin, ExecutorSettings.defaults());
    executor.start(List.of(new Reassignment("lead", 0, List.of(1, 0), 0)));

    assertThat(run(executor).phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(leader("lead", 0)).isEqualTo(1);
  }

  @Test
  void aSecondExecutorAdoptsTheMoveInFlightAndARerunSkipsWhatIsDone() {
    createTopic("resume", Map.of(0, List.of(0)));
    fill("resume", 1, 400); // ~400 kB at 100 kB/s: the move takes seconds
    List<Reassignment> plan = List.of(new Reassignment("resume", 0, List.of(2), 0));
    PlanExecutor first = new PlanExecutor(admin, ExecutorSettings.defaults().withThrottle(100_000));
    first.start(plan);
    first.doWork(System.nanoTime()); // submits the move, then "crashes"
    assertThat(first.progress().inFlight()).isEqualTo(1);

    PlanExecutor second = new PlanExecutor(admin, ExecutorSettings.defaults());
    second.start(plan);
    assertThat(second.progress().inFlight()).isEqualTo(1);
    assertThat(second.progress().notes()).anyMatch(n -> n.contains("already being moved"));
    assertThat(run(second).phase()).isEqualTo(ExecutionPhase.DONE);
    assertThat(leader("resume", 0)).isEqualTo(2);
    first.abort(); // the first run's throttle is removed by its owner
    eventually(() -> assertThat(throttledBrokers()).isEmpty());

    PlanExecutor third = new PlanExecutor(admin, ExecutorSettings.defaults());
    third.start(plan);
    assertThat(third.progress().skipped()).isEqualTo(1);
    assertThat(run(third).done()).isZero();
  }

  @Test
  void aMoveThatAddsTwoReplicasGoesOneReplicaAtATime() {
    createTopic("steps", Map.of(0, List.of(0)));
    fill("steps", 1, 200);
    PlanExecutor executor = new PlanExecutor(admin, ExecutorSettings.defaults());
    executor.start(List.of(new Reassignment("steps", 0, List.of(1, 2, 0), 0)));
    executor.doWork(System.nanoTime());

    var first =
        AdminCalls.get(admin.listPartitionReassignments().reassignments(), TIMEOUT, "list")
            .get(new org.apache.kafka.common.TopicPartition("steps", 0));
    if (first != null) { // still copying: the first step adds one replica only
      assertThat(first.addingReplicas()).hasSize(1);
    }
    ExecutionProgress end = run(executor);
    assertThat(end.phase()).as(end.notes().toString()).isEqualTo(ExecutionPhase.DONE);
    assertThat(replicas("steps", 0)).containsExactly(1, 2, 0);
    eventually(() -> assertThat(leader("steps", 0)).isEqualTo(1)); // metadata reaches every broker
  }

  @Test
  void cancelRevertsTheMoveInFlightAndRemovesTheThrottle() {
    createTopic("cancel", Map.of(0, List.of(1)));
    fill("cancel", 1, 1000); // ~1 MB at 20 kB/s: would take nearly a minute
    PlanExecutor executor =
        new PlanExecutor(admin, ExecutorSettings.defaults().withThrottle(20_000));
    executor.start(List.of(new Reassignment("cancel", 0, List.of(0), 0)));
    executor.doWork(System.nanoTime());
    assertThat(executor.progress().inFlight()).isEqualTo(1);

    executor.cancel();
    executor.doWork(System.nanoTime());

    assertThat(executor.progress().phase()).isEqualTo(ExecutionPhase.CANCELLED);
    assertThat(replicas("cancel", 0)).containsExactly(1);
    eventually(() -> assertThat(throttledBrokers()).isEmpty());
    assertThat(AdminCalls.get(admin.listPartitionReassignments().reassignments(), TIMEOUT, "list"))
        .isEmpty();
  }

  /** Dynamic configs reach every broker through the metadata log a moment after the change. */
  private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
  }

  private ExecutionProgress run(PlanExecutor executor) {
    return new ExecutionAgent(executor, System::nanoTime, Duration.ofSeconds(90), p -> {})
        .runToEnd(Duration.ofMillis(50));
  }

  private void createTopic(String name, Map<Integer, List<Integer>> assignment) {
    AdminCalls.get(
        admin.createTopics(List.of(new NewTopic(name, assignment))).all(),
        TIMEOUT,
        "create " + name);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> describe(name).partitions().stream().allMatch(p -> p.leader() != null));
  }

  private void fill(String topic, int partitions, int kilobytesPerPartition) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      byte[] value = new byte[1024];
      for (int part = 0; part < partitions; part++) {
        for (int i = 0; i < kilobytesPerPartition; i++) {
          producer.send(new ProducerRecord<>(topic, part, null, value));
        }
      }
      producer.flush();
    }
  }

  private org.apache.kafka.clients.admin.TopicDescription describe(String topic) {
    return AdminCalls.get(admin.describeTopics(Set.of(topic)).allTopicNames(), TIMEOUT, "describe")
        .get(topic);
  }

  private Map<Integer, Long> leadersPerBroker(String topic) {
    return describe(topic).partitions().stream()
        .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
  }

  private int leader(String topic, int partition) {
    return describe(topic).partitions().get(partition).leader().id();
  }

  private List<Integer> replicas(String topic, int partition) {
    return describe(topic).partitions().get(partition).replicas().stream().map(Node::id).toList();
  }

  private Set<Integer> throttledBrokers() {
    Map<ConfigResource, Config> configs =
        AdminCalls.get(
            admin
                .describeConfigs(
                    cluster.brokers().stream()
                        .map(
                            b ->
                                new ConfigResource(
                                    ConfigResource.Type.BROKER, Integer.toString(b.id())))
                        .toList())
                .all(),
            TIMEOUT,
            "describe broker configs");
    return configs.entrySet().stream()
        .filter(
            e -> {
              ConfigEntry rate = e.getValue().get(Throttles.LEADER_RATE);
              return rate != null
                  && rate.source() == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
            })
        .map(e -> Integer.parseInt(e.getKey().name()))
        .collect(Collectors.toSet());
  }

  private String topicConfig(String topic, String key) {
    Config c =
        AdminCalls.get(
                admin
                    .describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                    .all(),
                TIMEOUT,
                "describe topic config")
            .values()
            .iterator()
            .next();
    ConfigEntry e = c.get(key);
    return e == null || e.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG
        ? null
        : e.value();
  }
}
