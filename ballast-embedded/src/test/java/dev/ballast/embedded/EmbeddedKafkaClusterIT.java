package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The embedded cluster on real brokers: one cluster, the steps a scenario takes, in order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaClusterIT {

  private EmbeddedKafkaCluster cluster;
  private Admin admin;

  @BeforeAll
  void startCluster() {
    cluster =
        EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3).withRacks(List.of("a", "b", "c")));
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(p);
  }

  @AfterAll
  void closeCluster() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void threeBrokersRegisterWithTheirRacks() throws Exception {
    List<Node> nodes = new ArrayList<>(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS));
    assertThat(nodes).extracting(Node::id).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(nodes.stream().collect(Collectors.toMap(Node::id, Node::rack)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(0, "a", 1, "b", 2, "c"));
    assertThat(cluster.brokers()).allMatch(b -> b.state() == NodeState.RUNNING && b.pid() > 0);
  }

  @Test
  @Order(2)
  void explicitAssignmentFourOneOneIsWhatDescribeTopicsShows() {
    Map<Integer, List<Integer>> assignment =
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
            List.of(2));
    createTopic("skewed", assignment);
    TopicDescription d = describe("skewed");
    Map<Integer, Long> perBroker =
        d.partitions().stream()
            .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
    assertThat(perBroker).containsExactlyInAnyOrderEntriesOf(Map.of(0, 4L, 1, 1L, 2, 1L));
  }

  @Test
  @Order(3)
  void producedRecordsAreConsumed() {
    createTopic("roundtrip", Map.of(0, List.of(0, 1), 1, List.of(1, 2), 2, List.of(2, 0)));
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < 300; i++) {
        producer.send(new ProducerRecord<>("roundtrip", i % 3, null, "m" + i));
      }
      producer.flush();
    }
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer("roundtrip-group")) {
      consumer.subscribe(List.of("roundtrip"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  seen.add(r.value());
                }
                return seen.size() >= 300;
              });
    }
    assertThat(seen).hasSize(300).doesNotHaveDuplicates();
  }

  @Test
  @Order(4)
  void addedBrokerRegisters() throws Exception {
    int id = cluster.addBroker();
    assertThat(id).isEqualTo(3);
    assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
        .extracting(Node::id)
        .contains(3);
    assertThat(cluster.brokers()).extracting(BrokerInfo::id).containsExactly(0, 1, 2, 3);
  }

  @Test
  @Order(5)
  void killedBrokerIsSeenGoneAndComesBackOnRestart() {
    long pid = cluster.brokers().get(1).pid();
    cluster.killBroker(1);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(cluster.brokers().get(1).state()).isEqualTo(NodeState.KILLED);
    await().atMost(Duration.ofSeconds(30)).until(() -> !cluster.registeredBrokers().contains(1));

    cluster.restartBroker(1);
    assertThat(cluster.registeredBrokers()).contains(1);
    assertThat(cluster.brokers().get(1).pid()).isPositive().isNotEqualTo(pid);
    // the restarted broker kept its data: the roundtrip topic's partition on broker 1 catches up
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> describe("roundtrip").partitions().stream().allMatch(p -> p.isr().size() == 2));
  }

  @Test
  @Order(6)
  void injectedLatencySlowsOnlyTheSlowBroker() {
    createTopic("latency", Map.of(0, List.of(0), 1, List.of(2)));
    cluster.setLatency(2, Duration.ofMillis(100));
    try (KafkaProducer<String, String> producer = producer()) {
      long slow = medianSendMillis(producer, 1);
      long fast = medianSendMillis(producer, 0);
      assertThat(slow).isGreaterThanOrEqualTo(100);
      assertThat(fast).isLessThan(100);
    } finally {
      cluster.setLatency(2, Duration.ZERO);
    }
  }

  @Test
  @Order(7)
  void closeLeavesNoProcessAndNoDirectory() {
    List<Long> pids = cluster.pids();
    Path dir = cluster.directory();
    assertThat(pids).hasSize(5); // controller + 4 brokers
    admin.close();
    admin = null;
    cluster.close();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d after close", pid)
          .isFalse();
    }
    assertThat(Files.exists(dir)).isFalse();
    cluster = null;
  }

  private long medianSendMillis(KafkaProducer<String, String> producer, int partition) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long start = System.nanoTime();
      try {
        producer
            .send(new ProducerRecord<>("latency", partition, null, "x"))
            .get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return millis.stream().sorted().toList().get(millis.size() / 2);
  }

  private void createTopic(String name, Map<Integer, List<Integer>> assignment) {
    try {
      admin.createTopics(List.of(new NewTopic(name, assignment))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot create topic " + name, e);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> describe(name).partitions().stream().allMatch(p -> p.leader() != null));
  }

  private TopicDescription describe(String name) {
    try {
      return admin.describeTopics(Set.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private KafkaConsumer<String, String> consumer(String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }
}
