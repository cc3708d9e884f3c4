package dev.ballast.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code doctor --bootstrap-server} on a real embedded cluster: diagnose, apply, diagnose again.
 */
class DoctorIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void findsRiskyConfigsAndAppliesTheKafkaPart() throws Exception {
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(2))) {
      String bootstrap = cluster.bootstrapServers();
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      try (Admin admin = Admin.create(p)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic("replicated", Map.of(0, List.of(0, 1), 1, List.of(1, 0)))
                        .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")),
                    new NewTopic("single", Map.of(0, List.of(0), 1, List.of(1)))))
            .all()
            .get(30, TimeUnit.SECONDS);

        JsonNode before = diagnose(bootstrap);
        assertThat(before.get("incidents").findValuesAsText("id"))
            .containsExactly("min-isr-replicated", "rf1-single");
        assertThat(before.at("/fix/replicationIncrease").size()).isEqualTo(2);

        DoctorRun apply =
            DoctorRun.of(
                "doctor",
                "--bootstrap-server",
                bootstrap,
                "--sample-seconds",
                "0",
                "--apply",
                "--yes");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out())
            .contains("step 4: replicated min.insync.replicas 2 -> 1")
            .contains("step 5: add replicas to 2 RF=1 partition(s) of [single]")
            .contains("--apply: done.");

        Map<String, TopicDescription> topics =
            admin.describeTopics(List.of("single")).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(topics.get("single").partitions())
            .allSatisfy(tp -> assertThat(tp.replicas()).hasSize(2));
        ConfigResource replicated = new ConfigResource(ConfigResource.Type.TOPIC, "replicated");
        Config config =
            admin
                .describeConfigs(List.of(replicated))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(replicated);
        assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");

        assertThat(diagnose(bootstrap).get("incidents").findValuesAsText("id"))
            .doesNotContain("min-isr-replicated", "rf1-single");

        cluster.setLatency(1, Duration.ofMillis(300));
        DoctorRun slow =
            DoctorRun.of(
                "doctor",
                "--bootstrap-server",
                bootstrap,
                "--sample-seconds",
                "3",
                "--canary",
                "--format",
                "json");
        cluster.setLatency(1, Duration.ZERO);
        assertThat(slow.exitCode()).as(slow.err()).isZero();
        assertThat(MAPPER.readTree(slow.out()).get("incidents").findValuesAsText("id"))
            .contains("slow-broker-1");
      }
    }
  }

  private static JsonNode diagnose(String bootstrap) throws Exception {
    DoctorRun run =
        DoctorRun.of(
            "doctor", "--bootstrap-server", bootstrap, "--sample-seconds", "0", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return MAPPER.readTree(run.out());
  }
}
