package dev.ballast.kafka.exec;

import static org.awaitility.Awaitility.await;

import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the executor's integration tests do to and read from a real cluster. */
public final class ClusterFixture implements AutoCloseable {

  /** The timeout of every call. */
  public static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final EmbeddedKafkaCluster cluster;
  private final Admin admin;

  /** Creates the fixture over {@code cluster}. */
  public ClusterFixture(EmbeddedKafkaCluster cluster) {
    this.cluster = cluster;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    this.admin = Admin.create(p);
  }

  /** Returns the fixture's admin client. */
  public Admin admin() {
    return admin;
  }

  /** Creates {@code name} with {@code assignment} and waits until every partition has a leader. */
  public void createTopic(String name, Map<Integer, List<Integer>> assignment) {
    AdminCalls.get(
        admin.createTopics(List.of(new NewTopic(name, assignment))).all(),
        TIMEOUT,
        "create " + name);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                AdminCalls.get(admin.describeTopics(Set.of(name)).allTopicNames(), TIMEOUT, "d")
                    .get(name)
                    .partitions()
                    .stream()
                    .allMatch(p -> p.leader() != null));
  }

  /** Writes {@code kilobytes} 1 kB records into each of {@code partitions} of {@code topic}. */
  public void fill(String topic, int partitions, int kilobytes) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      byte[] value = new byte[1024];
      for (int part = 0; part < partitions; part++) {
        for (int i = 0; i < kilobytes; i++) {
          producer.send(new ProducerRecord<>(topic, part, null, value));
        }
      }
      producer.flush();
    }
  }

  /** Returns the replicas of a partition now. */
  public List<Integer> replicas(String topic, int partition) {
    return AdminCalls.get(admin.describeTopics(Set.of(topic)).allTopicNames(), TIMEOUT, "d")
        .get(topic)
        .partitions()
        .get(partition)
        .replicas()
        .stream()
        .map(Node::id)
        .toList();
  }

  /** Returns the number of reassignments in flight in the cluster. */
  public int reassignmentsInFlight() {
    return AdminCalls.get(admin.listPartitionReassignments().reassignments(), TIMEOUT, "list")
        .size();
  }

  /**
   * Returns every throttle key set dynamically per broker (broker id to key to value) and per topic
   * (topic name to key to value), for a test to compare before and after.
   */
  public Map<String, Map<String, String>> throttleConfigs(Collection<String> topics) {
    List<ConfigResource> resources = new java.util.ArrayList<>();
    cluster.brokers().stream()
        .filter(b -> cluster.downBrokers().stream().noneMatch(d -> d == b.id()))
        .forEach(
            b ->
                resources.add(
                    new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b.id()))));
    topics.forEach(t -> resources.add(new ConfigResource(ConfigResource.Type.TOPIC, t)));
    Map<String, Map<String, String>> out = new TreeMap<>();
    ThrottleConfigs.dynamic(admin, resources, TIMEOUT)
        .forEach(
            (r, values) ->
                out.put(
                    r.type().name().toLowerCase(java.util.Locale.ROOT) + " " + r.name(), values));
    return out;
  }

  /** Sets {@code key=value} on {@code resource} as an operator would with kafka-configs.sh. */
  public void setConfig(ConfigResource resource, String key, String value) {
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

  /** Returns the end offset of a partition, read from its leader. */
  public long endOffset(String topic, int partition) {
    org.apache.kafka.common.TopicPartition tp =
        new org.apache.kafka.common.TopicPartition(topic, partition);
    return AdminCalls.get(
            admin
                .listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                .partitionResult(tp),
            TIMEOUT,
            "list offsets")
        .offset();
  }

  @Override
  public void close() {
    admin.close();
  }
}
