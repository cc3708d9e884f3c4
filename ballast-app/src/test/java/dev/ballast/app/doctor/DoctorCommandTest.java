package dev.ballast.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.cli.UserException;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.snapshot.SnapshotCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ballast doctor --snapshot}: formats, options and one-line errors. */
class DoctorCommandTest {

  @TempDir static Path dir;
  static String seed;

  /** Writes the cluster of seed 002: 2 brokers in 2 zones, 12 partitions at 8 MiB/s, URPs. */
  @BeforeAll
  static void writeSnapshot() throws Exception {
    PartitionLoad busy = new PartitionLoad(8 << 20, 8 << 20, 800, 1L << 30);
    List<Partition> parts = new ArrayList<>();
    for (int p = 0; p < 12; p++) {
      List<Integer> replicas = List.of(p % 2, (p + 1) % 2);
      List<Integer> isr = p % 2 == 0 ? replicas : List.of(replicas.get(0));
      parts.add(new Partition("stress-test", p, replicas, replicas.get(0), isr, busy));
    }
    ClusterModel model =
        ClusterModel.of(
            List.of(
                new Broker(0, "use1-az1", BrokerState.ALIVE, null),
                new Broker(1, "use1-az2", BrokerState.ALIVE, null)),
            parts);
    Path file = dir.resolve("msk.json");
    Files.writeString(file, SnapshotCodec.write(model), StandardCharsets.UTF_8);
    seed = file.toString();
  }

  @Test
  void findsTheCapacityIncidentOfTheSeed() {
    DoctorRun run =
        DoctorRun.of(
            "doctor", "--snapshot", seed, "--broker-capacity", "100MiB", "--persistent-urp");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Ballast doctor: 2 broker(s), 12 partition(s), 1 incident(s), worst high.")
        .contains("[high] capacity-insufficient (CapacityInsufficient)")
        .contains("1. grow the cluster from 2 to 4 brokers (new ids expected: 2,3)");
  }

  @Test
  void withoutPersistenceTheUrpsAreOnlyLow() {
    DoctorRun run = DoctorRun.of("doctor", "--snapshot", seed);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("[low] under-replicated")
        .doesNotContain("capacity-insufficient");
  }

  @Test
  void awsCliUsesTheArnAndTheNewTotal() {
    DoctorRun run =
        DoctorRun.of(
            "doctor",
            "--snapshot",
            seed,
            "--broker-capacity",
            "100MiB",
            "--persistent-urp",
            "--format",
            "aws-cli",
            "--cluster-arn",
            "arn:aws:kafka:eu-west-1:1:cluster/x/y");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("CLUSTER_ARN=\"${CLUSTER_ARN:-arn:aws:kafka:eu-west-1:1:cluster/x/y}\"")
        .contains("TARGET=4\n");
  }

  @Test
  void jsonListsIncidentsAndTheFix() throws Exception {
    DoctorRun run =
        DoctorRun.of(
            "doctor",
            "--snapshot",
            seed,
            "--json",
            "--persistent-urp",
            "--azs",
            "3",
            "--topic-config",
            "stress-test:unclean.leader.election.enable=true");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("incidents").findValuesAsText("id"))
        .containsExactly("capacity-insufficient", "unclean-election-stress-test");
    assertThat(json.at("/fix/scaleOut/targetBrokers").asInt()).isEqualTo(3);
    assertThat(json.at("/fix/configChanges/0/newValue").asText()).isEqualTo("false");
  }

  @Test
  void slowBrokerFromCanaryLatency() {
    DoctorRun run = DoctorRun.of("doctor", "--snapshot", seed, "--canary-latency", "0=5,1=300");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("[medium] slow-broker-1 (SlowBroker)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no cluster|doctor|give --snapshot FILE or --bootstrap-server HOST:PORT (the cluster to"
            + " diagnose)",
        "both|doctor --snapshot S --bootstrap-server localhost:9092|give either --snapshot or"
            + " --bootstrap-server, not both",
        "apply on a snapshot|doctor --snapshot S --apply|--apply needs a live cluster"
            + " (--bootstrap-server): a snapshot cannot be changed",
        "bad format|doctor --snapshot S --format yaml|--format: unknown format 'yaml' (formats:"
            + " text,json,kafka-cli,aws-cli,terraform,pulumi,strimzi)",
        "bad capacity|doctor --snapshot S --broker-capacity fast|--broker-capacity takes bytes per"
            + " second, e.g. 125000000, 100MiB or 1.5GB, not 'fast'",
        "bad topic config|doctor --snapshot S --topic-config orders|--topic-config takes"
            + " TOPIC:KEY=VALUE (e.g. orders:min.insync.replicas=2), not 'orders'",
        "unknown broker latency|doctor --snapshot S --canary-latency 7=5|canary latency given for"
            + " broker 7, which is not in the cluster (brokers: 0,1)",
        "canary on a snapshot|doctor --snapshot S --canary|--canary probes a live cluster while"
            + " sampling: it needs --bootstrap-server and --sample-seconds above 0",
        "missing snapshot|doctor --snapshot /nonexistent/x.json|snapshot file /nonexistent/x.json"
            + " does not exist"
      })
  void badInputIsOneLine(String name, String args, String message) {
    DoctorRun run = DoctorRun.of(args.replace(" S", " " + seed).split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ballast: " + message + System.lineSeparator());
  }

  @Test
  void unreachableClusterIsOneLineWithExitCodeThree() {
    DoctorRun run =
        DoctorRun.of(
            "doctor",
            "--bootstrap-server",
            "127.0.0.1:1",
            "--timeout",
            "1",
            "--sample-seconds",
            "0");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .startsWith("ballast: no Kafka cluster answered at 127.0.0.1:1")
        .hasLineCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"125000000,125000000", "100MiB,104857600", "1.5GB,1500000000", "10 kib/s,10240"})
  void parsesByteRates(String text, long bytes) {
    assertThat(ByteRates.parse(text, "--x")).isEqualTo(bytes);
  }

  @Test
  void rejectsZeroRate() {
    assertThatThrownBy(() -> ByteRates.parse("0", "--throttle"))
        .isInstanceOf(UserException.class)
        .hasMessage("--throttle must be at least 1 byte/s, not '0'");
  }
}
