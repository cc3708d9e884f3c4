package dev.ballast.app.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ballast plan --only-relieve} on a snapshot file: what moves, the files, the errors. */
class PlanOnlyRelieveTest {

  /**
   * Three brokers of 10 MiB/s in: broker 0 leads four 2 MiB/s partitions (8 MiB/s, 80%), broker 1
   * two (4 MiB/s), broker 2 one of 1 MiB/s.
   */
  private static final String SNAPSHOT =
      """
      {"version": 1,
       "brokers": [
         {"id": 0, "capacity": {"bytesInPerSec": 10485760, "bytesOutPerSec": 104857600}},
         {"id": 1, "capacity": {"bytesInPerSec": 10485760, "bytesOutPerSec": 104857600}},
         {"id": 2, "capacity": {"bytesInPerSec": 10485760, "bytesOutPerSec": 104857600}}],
       "partitions": [
         %s,
         {"topic": "small", "partition": 0, "replicas": [2], "load": {"bytesInPerSec": 1048576,
          "bytesOutPerSec": 0, "messagesInPerSec": 10, "sizeBytes": 1000}}
       ]}
      """
          .formatted(partitions(0, 0, 0, 0, 1, 1));

  private static String partitions(int... brokers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < brokers.length; i++) {
      sb.append(i == 0 ? "" : ",\n")
          .append("{\"topic\": \"traffic\", \"partition\": ")
          .append(i)
          .append(", \"replicas\": [")
          .append(brokers[i])
          .append("], \"load\": {\"bytesInPerSec\": 2097152, \"bytesOutPerSec\": 0,")
          .append(" \"messagesInPerSec\": 100, \"sizeBytes\": ")
          .append(1_000_000 * (i + 1))
          .append("}}");
    }
    return sb.toString();
  }

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path snapshot() throws IOException {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, SNAPSHOT);
    return file;
  }

  @Test
  void movesOnlyTheHotBrokersReplicasAndWritesTheFiles() throws IOException {
    Path out = dir.resolve("relieve.json");

    Run run =
        run(
            "plan",
            "--snapshot",
            snapshot().toString(),
            "--only-relieve",
            "network-in>70%",
            "-o",
            out.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("relieving brokers above network-in>70%:")
        .contains("broker 0: network-in 8.0 MiB/s -> 6.0 MiB/s (limit 7.0 MiB/s)")
        .contains("Plan: 1 replica moves")
        .contains("Wrote " + out);
    // The smallest partition of broker 0 goes to broker 2 (broker 1 would end at 6 of 7 MiB/s too,
    // but broker 2 is the least loaded); nothing else moves.
    String json = Files.readString(out).replaceAll("\\s", "");
    assertThat(json)
        .isEqualTo(
            "{\"version\":1,\"partitions\":[{\"topic\":\"traffic\",\"partition\":0,"
                + "\"replicas\":[2],\"log_dirs\":[\"any\"]}]}");
  }

  @Test
  void aBrokerThatCannotBeRelievedExitsOne() throws IOException {
    Run run =
        run("plan", "--snapshot", snapshot().toString(), "--only-relieve", "network-in>2MB/s");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("still above").contains("Plan: 0 replica moves");
  }

  @Test
  void aBadThresholdIsOneLineNamingTheTokenAndExitsTwo() throws IOException {
    Run run =
        run("plan", "--snapshot", snapshot().toString(), "--only-relieve", "network-in>80 parsecs");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElse(""))
        .contains("Invalid value for option '--only-relieve'")
        .contains("'parsecs' is not a unit of network-in")
        .contains("network-in>50MB/s");
  }

  @Test
  void aPercentageWithoutCapacitiesSaysWhatToGive() throws IOException {
    Path file = dir.resolve("nocap.json");
    Files.writeString(file, SNAPSHOT.replaceAll("\"capacity\": \\{[^}]*}", "\"rack\": null"));
    Run run = run("plan", "--snapshot", file.toString(), "--only-relieve", "network-in>80%");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("needs every broker's capacity").contains("network-in>50MB/s");
  }
}
