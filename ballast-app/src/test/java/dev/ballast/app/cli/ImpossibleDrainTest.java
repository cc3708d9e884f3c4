package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan that cannot meet a hard goal is not a success: exit 1 and no "Apply with". */
class ImpossibleDrainTest {

  private static final String RF2_ON_TWO_BROKERS =
      """
      {"brokers": [{"id": 0}, {"id": 1}],
       "partitions": [{"topic": "t", "partition": 0, "replicas": [0, 1], "leader": 0,
                       "load": {"bytesInPerSec": 1000, "sizeBytes": 1000}}]}
      """;

  @Test
  void drainingABrokerThatCannotBeDrainedExitsOneWithoutApplyInstructions(@TempDir Path dir)
      throws Exception {
    Path snapshot = Files.writeString(dir.resolve("s.json"), RF2_ON_TWO_BROKERS);

    CliRun run =
        CliRun.of(
            "plan",
            "--snapshot",
            snapshot.toString(),
            "--drain",
            "0",
            "-o",
            dir.resolve("p.json").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("drain               NOT MET")
        .contains("does not meet every hard goal")
        .doesNotContain("Apply with");
  }

  @Test
  void withoutAnOutputFileTheExitCodeStillSaysSo(@TempDir Path dir) throws Exception {
    Path snapshot = Files.writeString(dir.resolve("s.json"), RF2_ON_TWO_BROKERS);

    CliRun run = CliRun.of("plan", "--snapshot", snapshot.toString(), "--drain", "0");

    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aPossibleDrainStillSucceeds(@TempDir Path dir) throws Exception {
    Path snapshot =
        Files.writeString(
            dir.resolve("s.json"),
            RF2_ON_TWO_BROKERS.replace("{\"id\": 1}]", "{\"id\": 1}, {\"id\": 2}]"));

    CliRun run =
        CliRun.of(
            "plan",
            "--snapshot",
            snapshot.toString(),
            "--drain",
            "0",
            "-o",
            dir.resolve("p.json").toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Apply with");
  }
}
