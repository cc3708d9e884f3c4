package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A SASL/PLAIN cluster with ACLs: replication runs over SASL through the fault proxies, the super
 * user's properties file works as written, and the user without ACLs is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaslPlainClusterIT {

  private EmbeddedKafkaCluster cluster;

  @BeforeAll
  void start() {
    cluster =
        EmbeddedKafkaCluster.start(
            ClusterSpec.ofBrokers(2).withSecurity(ClusterSecurity.SASL_PLAIN));
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theAdminFileReplicatesAndProducesTheGuestIsRefused() throws Exception {
    assertThat(cluster.clientConfigFiles()).containsOnlyKeys("admin", "guest");
    assertThat(cluster.clientConfigFiles().get("admin").getParent()).isEqualTo(cluster.directory());
    try (Admin admin = Admin.create(fromFile("admin"))) {
      admin
          .createTopics(List.of(new NewTopic("replicated", Map.of(0, List.of(0, 1)))))
          .all()
          .get(30, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  admin
                          .describeTopics(Set.of("replicated"))
                          .allTopicNames()
                          .get(10, TimeUnit.SECONDS)
                          .get("replicated")
                          .partitions()
                          .get(0)
                          .isr()
                          .size()
                      == 2);
      try (KafkaProducer<String, String> producer = producer(fromFile("admin"))) {
        producer.send(new ProducerRecord<>("replicated", "k", "v")).get(30, TimeUnit.SECONDS);
      }
    }
    try (Admin guest = Admin.create(fromFile("guest"))) {
      assertThatThrownBy(
              () ->
                  guest
                      .createTopics(List.of(new NewTopic("mine", 1, (short) 1)))
                      .all()
                      .get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  private Properties fromFile(String user) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(cluster.clientConfigFiles().get(user))) {
      p.load(r);
    }
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    return p;
  }

  private static KafkaProducer<String, String> producer(Properties p) {
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }
}
