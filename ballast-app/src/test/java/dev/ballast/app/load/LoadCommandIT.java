package dev.ballast.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.Main;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code load run} end to end: an embedded cluster, producers, consumers, verdict, results. */
class LoadCommandIT {

  @Test
  void runsAWorkloadFileOnAnEmbeddedClusterAndWritesACleanVerdict(@TempDir Path dir)
      throws Exception {
    Path workload = dir.resolve("w.yaml");
    Files.writeString(
        workload,
        """
        name: cli
        topics:
          - name: cli
            partitions: 3
            replicationFactor: 1
        producers:
          - topic: cli
            messagesPerSecond: 2000
        consumers:
          - topic: cli
            count: 2
        duration: 3s
        """);
    Path results = dir.resolve("results.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "load",
            "run",
            workload.toString(),
            "--brokers",
            "1",
            "--json",
            "--report-interval",
            "1s",
            "--results-file",
            results.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("records sent,").contains("records/sec");
    JsonNode printed = new ObjectMapper().readTree(out.toString());
    JsonNode written = new ObjectMapper().readTree(results.toFile());
    assertThat(written).isEqualTo(printed);
    assertThat(printed.get("clean").asBoolean()).isTrue();
    JsonNode verdict = printed.get("result").get("groups").get(0).get("verdict");
    assertThat(verdict.get("lost").asLong()).isZero();
    assertThat(verdict.get("acked").asLong()).isGreaterThan(5_000);
    assertThat(verdict.get("consumed").asLong()).isEqualTo(verdict.get("acked").asLong());
    assertThat(printed.get("result").get("latencyFromIntended").get("p99").asLong()).isPositive();
  }

  @Test
  void consumingATopicThatDoesNotExistIsInconclusiveAndDoesNotCreateIt(@TempDir Path dir)
      throws Exception {
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(1))) {
      StringWriter out = new StringWriter();
      CommandLine cli = Main.newCommandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(out, true));

      int exit =
          cli.execute(
              "load",
              "consume",
              "--bootstrap-server",
              cluster.bootstrapServers(),
              "--topic",
              "nope",
              "--group",
              "g",
              "--duration",
              "2s",
              "--results-file",
              dir.resolve("r.json").toString());

      assertThat(exit).as(out.toString()).isEqualTo(5);
      assertThat(out.toString())
          .contains(
              "continuity: INCONCLUSIVE (group g consumed nothing from nope (the topic does not exist))")
          .doesNotContain("CLEAN");
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
      try (Admin admin = Admin.create(p)) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("nope");
      }
    }
  }
}
