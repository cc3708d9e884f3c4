package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marathon's embedded cluster of 3 brokers creates its internal topics at start, at RF 3 by
 * itself; a {@code --broker-config} value of the user's wins over that default.
 */
class InternalTopicsIT {

  private static EmbeddedKafkaCluster cluster;
  private static Admin admin;

  @BeforeAll
  static void start() throws InterruptedException {
    // The user lowers only the offsets topic; the transaction log keeps the marathon's defaults.
    cluster =
        MarathonCommand.startEmbedded(
            3, spec -> spec.withBrokerConfig(Map.of("offsets.topic.replication.factor", "2")));
    admin = Admins.create(ClientSettings.of(cluster.bootstrapServers()), Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theTransactionLogIsCreatedAtStartWithRf3AndMinIsr2() throws Exception {
    TopicDescription txn = describe(Topic.TRANSACTION_STATE_TOPIC_NAME);

    assertThat(txn.partitions()).isNotEmpty();
    assertThat(txn.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
    ConfigResource topic =
        new ConfigResource(ConfigResource.Type.TOPIC, Topic.TRANSACTION_STATE_TOPIC_NAME);
    String minIsr =
        admin
            .describeConfigs(List.of(topic))
            .all()
            .get(30, TimeUnit.SECONDS)
            .get(topic)
            .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
            .value();
    assertThat(minIsr).isEqualTo("2");
  }

  @Test
  void theUsersBrokerConfigWinsOverTheMarathonsDefault() throws Exception {
    TopicDescription offsets = describe(Topic.GROUP_METADATA_TOPIC_NAME);

    assertThat(offsets.partitions()).isNotEmpty();
    assertThat(offsets.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(2));
  }

  @Test
  void fewerThanThreeBrokersKeepKafkasOwnSettings() {
    assertThat(InternalTopics.brokerSettings(2)).isEmpty();
    assertThat(InternalTopics.brokerSettings(3))
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2");
  }

  private static TopicDescription describe(String name) throws Exception {
    return admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name);
  }
}
