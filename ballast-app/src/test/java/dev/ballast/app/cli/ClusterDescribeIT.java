package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** {@code cluster describe} against a real embedded cluster. */
class ClusterDescribeIT {

  @Test
  void describesBrokersRacksCountsAndPlacement() throws Exception {
    try (EmbeddedKafkaCluster cluster =
        EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(2).withRacks(List.of("east", "west")))) {
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
      try (Admin admin = Admin.create(p)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(
                        "orders", Map.of(0, List.of(0, 1), 1, List.of(0, 1), 2, List.of(1, 0)))))
            .all()
            .get(30, TimeUnit.SECONDS);
      }

      CliRun run =
          CliRun.of("cluster", "describe", "--bootstrap-server", cluster.bootstrapServers());

      assertThat(run.exitCode()).as(run.err()).isZero();
      List<String> lines = run.out().lines().map(String::strip).toList();
      assertThat(lines.get(0)).contains("2 broker(s), 1 topic(s)");
      String addr0 = cluster.brokers().get(0).address();
      String addr1 = cluster.brokers().get(1).address();
      assertThat(lines).contains("0       east  " + addr0 + "  no      3         2");
      assertThat(lines).contains("1       west  " + addr1 + "  no      3         1");
      assertThat(lines).anyMatch(l -> l.startsWith("orders  0          0       0,1 "));
      assertThat(lines).anyMatch(l -> l.startsWith("orders  2          1       1,0"));
    }
  }
}
