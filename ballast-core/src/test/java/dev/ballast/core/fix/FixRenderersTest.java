package dev.ballast.core.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Doctor;
import dev.ballast.core.doctor.DoctorSettings;
import dev.ballast.core.doctor.Fixtures;
import dev.ballast.core.doctor.PartitionRef;
import dev.ballast.core.doctor.Reassignment;
import dev.ballast.core.plan.PlannerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the renderers promise beyond their golden files: batches, valid JSON, valid bash. */
class FixRenderersTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void cutsTwentyThreeReassignmentsIntoBatchesOfTenTenThree() {
    List<Reassignment> list = new ArrayList<>();
    for (int p = 0; p < 23; p++) {
      list.add(new Reassignment("t", p, List.of(0), List.of(1), 1));
    }

    List<List<Reassignment>> batches =
        ReassignmentJson.batches(list, FixContext.DEFAULT_BATCH_SIZE);

    assertThat(batches).extracting(List::size).containsExactly(10, 10, 3);
    assertThat(batches.get(2).get(0).partition()).isEqualTo(20);
  }

  @Test
  void reassignmentAndRollbackAreTheJsonKafkaReads() throws IOException {
    List<Reassignment> list =
        List.of(
            new Reassignment("orders", 0, List.of(0, 1), List.of(2, 1), 5),
            new Reassignment("odd\"name", 3, List.of(1), List.of(2), 5));

    JsonNode forward = MAPPER.readTree(ReassignmentJson.forward(list));
    JsonNode rollback = MAPPER.readTree(ReassignmentJson.rollback(list));

    assertThat(forward.get("version").asInt()).isEqualTo(1);
    assertThat(forward.at("/partitions/0/topic").asText()).isEqualTo("orders");
    assertThat(forward.at("/partitions/0/replicas").toString()).isEqualTo("[2,1]");
    assertThat(forward.at("/partitions/0/log_dirs").toString()).isEqualTo("[\"any\",\"any\"]");
    assertThat(forward.at("/partitions/1/topic").asText()).isEqualTo("odd\"name");
    assertThat(rollback.at("/partitions/0/replicas").toString()).isEqualTo("[0,1]");
    assertThat(rollback.at("/partitions/1/replicas").toString()).isEqualTo("[1]");
  }

  @Test
  void electionFileListsThePartitions() throws IOException {
    JsonNode json =
        MAPPER.readTree(
            ReassignmentJson.election(List.of(new PartitionRef("a", 1), new PartitionRef("b", 0))));

    assertThat(json.get("partitions").toString())
        .isEqualTo("[{\"topic\":\"a\",\"partition\":1},{\"topic\":\"b\",\"partition\":0}]");
  }

  @Test
  void kafkaScriptRunsEveryBatchWithThrottleAndVerify() {
    String script = FixRenderers.render(FixFormat.KAFKA_CLI, seed(), FixContext.defaults());

    assertThat(
            script
                .lines()
                .filter(l -> l.startsWith("kafka-reassign-partitions.sh"))
                .filter(l -> l.endsWith("--execute --throttle \"$THROTTLE\""))
                .count())
        .isEqualTo(1);
    assertThat(count(script, "wait_for_reassignment ballast-reassign-")).isEqualTo(1);
    assertThat(script).contains("--cancel").contains("BOOTSTRAP:?");
  }

  @Test
  void cloudFormatsChangeOnlyTheBrokerCount() {
    Diagnosis d = seed();
    FixContext ctx = FixContext.defaults();

    String tf = FixRenderers.render(FixFormat.TERRAFORM, d, ctx);
    String ts = FixRenderers.render(FixFormat.PULUMI, d, ctx);
    String aws = FixRenderers.render(FixFormat.AWS_CLI, d, ctx);

    assertThat(changedLines(tf))
        .containsExactly("-  number_of_broker_nodes = 2", "+  number_of_broker_nodes = 4");
    assertThat(changedLines(ts))
        .containsExactly("-    numberOfBrokerNodes: 2,", "+    numberOfBrokerNodes: 4,");
    assertThat(aws)
        .contains("--query 'ClusterInfo.CurrentVersion'")
        .contains("--target-number-of-broker-nodes \"$TARGET\"")
        .contains("TARGET=4\n")
        .contains("describe-cluster-operation");
  }

  @Test
  void scriptsAreValidBash(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    List<Diagnosis> diagnoses =
        List.of(
            seed(),
            new Doctor(DoctorSettings.defaults(), PlannerOptions.defaults())
                .diagnose(Fixtures.mixedProblems()));
    int n = 0;
    for (Diagnosis d : diagnoses) {
      for (FixFormat f : List.of(FixFormat.KAFKA_CLI, FixFormat.AWS_CLI)) {
        Path script = dir.resolve("s" + n++ + ".sh");
        Files.writeString(
            script, FixRenderers.render(f, d, FixContext.defaults()), StandardCharsets.UTF_8);
        Process p =
            new ProcessBuilder("/bin/bash", "-n", script.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(f.label() + ": " + out).isZero();
      }
    }
  }

  @Test
  void unknownFormatNamesTheKnownOnes() {
    assertThatThrownBy(() -> FixFormat.fromLabel("yaml"))
        .hasMessage(
            "unknown format 'yaml' (formats: text,json,kafka-cli,aws-cli,terraform,pulumi,strimzi)");
    assertThat(FixFormat.fromLabel(" Kafka-CLI ")).isEqualTo(FixFormat.KAFKA_CLI);
  }

  @Test
  void pulumiIdentifiersAreValidTypeScript() {
    assertThat(PulumiRenderer.identifier("my-cluster")).isEqualTo("myCluster");
    assertThat(PulumiRenderer.identifier("9lives")).isEqualTo("cluster9lives");
  }

  private static Diagnosis seed() {
    return new Doctor(Fixtures.mskCapacitySettings(), PlannerOptions.defaults())
        .diagnose(Fixtures.mskCapacityInput());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> changedLines(String diff) {
    return diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).toList();
  }
}
