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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ballast plan} on snapshot files: the plan, the files it writes, and its errors. */
class PlanCommandTest {

  /** Three brokers, six equal RF=1 partitions placed 4-1-1. */
  private static final String FOUR_ONE_ONE =
      """
      {"version": 1,
       "brokers": [{"id": 0}, {"id": 1}, {"id": 2}],
       "partitions": [
         %s
       ]}
      """
          .formatted(partitions(0, 0, 0, 0, 1, 2));

  private static String partitions(int... brokers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < brokers.length; i++) {
      sb.append(i == 0 ? "" : ",\n")
          .append("{\"topic\": \"traffic\", \"partition\": ")
          .append(i)
          .append(", \"replicas\": [")
          .append(brokers[i])
          .append("], \"load\": {\"bytesInPerSec\": 1048576, \"bytesOutPerSec\": 1048576,")
          .append(" \"messagesInPerSec\": 1000, \"sizeBytes\": 1073741824}}");
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

  private Path snapshot(String json) throws IOException {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void plansFourOneOneAndWritesReassignmentAndRollback() throws IOException {
    Path file = snapshot(FOUR_ONE_ONE);
    Path out = dir.resolve("plan.json");

    Run run = run("plan", "--snapshot", file.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Plan: 2 replica moves, 0 leadership transfers, 2 partitions changed")
        .contains("Wrote " + out)
        .contains("kafka-reassign-partitions.sh --bootstrap-server HOST:PORT --execute")
        .contains(
            "--election-type preferred --path-to-json-file " + dir.resolve("plan.election.json"));
    String reassignment = Files.readString(out).replaceAll("\\s", "");
    assertThat(reassignment).startsWith("{\"version\":1,\"partitions\":[{\"topic\":\"traffic\"");
    assertThat(reassignment.split("\"log_dirs\":\\[\"any\"]")).hasSize(3);
    String rollback = Files.readString(dir.resolve("plan.rollback.json")).replaceAll("\\s", "");
    assertThat(rollback.split("\"replicas\":\\[0]")).hasSize(3);
    String election = Files.readString(dir.resolve("plan.election.json")).replaceAll("\\s", "");
    assertThat(election)
        .matches(
            "\\{\"partitions\":\\[\\{\"topic\":\"traffic\",\"partition\":\\d},"
                + "\\{\"topic\":\"traffic\",\"partition\":\\d}]}");
  }

  @Test
  void drainOptionEmptiesTheBroker() throws IOException {
    Path file = snapshot(FOUR_ONE_ONE);

    Run run = run("plan", "--snapshot", file.toString(), "--drain", "2", "--json");

    assertThat(run.exitCode()).isZero();
    String json = run.out().replaceAll("\\s", "");
    assertThat(json).contains("\"name\":\"drain\",\"met\":true");
    assertThat(json).contains("\"reason\":\"DRAIN\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--drain 7                    | broker 7 in --drain is not in the snapshot (brokers: 0,1,2)",
        "--slow 1 --drain 1           | broker 1 is given as both slow and draining",
        "--goals network-in,speed     | --goals: unknown goal 'speed' (goals: network-in,network-out,"
            + "messages,disk,replicas,leaders,topic-spread)",
        "--goals disk=heavy           | --goals: 'heavy' is not a number (in 'disk=heavy')",
        "--exclude-topics (           | --exclude-topics '(' is not a valid regex: Unclosed group",
        "--bootstrap-server 127.0.0.1:1 | give either --snapshot FILE or --bootstrap-server"
            + " HOST:PORT (to sample a live cluster)",
        "--exact --time-limit 0s      | --time-limit must be positive, not PT0S",
      })
  void badOptionsGetOneLine(String args, String expected) throws IOException {
    Path file = snapshot(FOUR_ONE_ONE);
    String[] extra = args.trim().split("\\s+");
    String[] all = new String[extra.length + 3];
    all[0] = "plan";
    all[1] = "--snapshot";
    all[2] = file.toString();
    System.arraycopy(extra, 0, all, 3, extra.length);

    Run run = run(all);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("ballast: " + expected.strip());
  }

  @Test
  void exactPlanIsProvenOptimalAndSaysSo() throws IOException {
    Path file = snapshot(FOUR_ONE_ONE);

    Run run = run("plan", "--snapshot", file.toString(), "--exact", "--time-limit", "20s");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith(
            "Exact (CP-SAT): optimal, 2.0 GiB to move, proven lower bound 2.0 GiB, gap 0.0%")
        .contains("Plan: 2 replica moves");
  }

  @Test
  void smallBalancedPlanShowsTheSolversLowerBound() throws IOException {
    Run run = run("plan", "--snapshot", snapshot(FOUR_ONE_ONE).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Lower bound: ").contains("(lower bound 2.0 GiB, 1.00x)");
  }

  @Test
  void neitherSnapshotNorClusterIsOneLine() {
    Run run = run("plan");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "ballast: give either --snapshot FILE or --bootstrap-server HOST:PORT (to sample a live"
                + " cluster)");
  }

  @Test
  void missingFileIsOneLine() {
    Run run = run("plan", "--snapshot", dir.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("ballast: snapshot file " + dir.resolve("nope.json") + " does not exist");
  }

  @Test
  void malformedFileNamesTheFileAndTheProblem() throws IOException {
    Path file =
        snapshot(
            "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
                + " \"replicas\": [3]}]}");

    Run run = run("plan", "--snapshot", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "ballast: "
                + file
                + ": partition t-0 has a replica on broker 3, which is not in the brokers list"
                + " (brokers: 0)");
  }

  @Test
  void rollbackAndElectionFilesSitNextToTheOutput() {
    assertThat(PlanCommand.siblingPath(Path.of("/x/plan.json"), ".rollback.json"))
        .isEqualTo(Path.of("/x/plan.rollback.json"));
    assertThat(PlanCommand.siblingPath(Path.of("moves"), ".election.json"))
        .isEqualTo(Path.of("moves.election.json"));
  }
}
