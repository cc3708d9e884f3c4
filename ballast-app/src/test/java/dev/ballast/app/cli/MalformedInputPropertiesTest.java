package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.snapshot.SnapshotCodec;
import dev.ballast.core.snapshot.SnapshotFormatException;
import dev.ballast.core.synthetic.SyntheticCluster;
import dev.ballast.core.synthetic.SyntheticSpec;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.exec.ReassignmentJson;
import dev.ballast.workload.spec.WorkloadSpecException;
import dev.ballast.workload.spec.WorkloadSpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated malformed snapshots, reassignment JSON and workload YAML (cut short, wrong types, huge
 * numbers, repeated keys, trailing junk): the parsers refuse them with one line, and the CLI with
 * one line and exit code 2, never a stack trace, and nothing is executed.
 */
class MalformedInputPropertiesTest {

  private static final String SNAPSHOT =
      SnapshotCodec.write(SyntheticCluster.generate(new SyntheticSpec(3, 4, 2, 0, 0.3, 7)));
  private static final String PLAN =
      ReassignmentJson.write(
          List.of(
              new Reassignment("orders", 0, List.of(1, 2), 1000),
              new Reassignment("orders", 1, List.of(2, 0), 2000)));

  private static final String FILE = "<file>";

  /** The example workload without its comments, so that every number broken is a value. */
  private static final String WORKLOAD =
      read(Path.of("..", "examples", "workload.yaml"))
          .replaceAll("(?m)^\\s*#.*\\n", "")
          .replaceAll("[ \\t]+#.*", "");

  @Property(tries = 400)
  void snapshotsAreParsedOrRefusedInOneLine(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice) {
    String json = how.breakJson(SNAPSHOT, at, choice);

    Throwable thrown = catchThrowable(() -> SnapshotCodec.parse(json));

    if (how.alwaysBad()) {
      assertThat(thrown).as(json).isNotNull();
    }
    if (thrown != null) {
      assertThat(thrown).as(json).isInstanceOf(SnapshotFormatException.class);
      assertOneLine(thrown.getMessage(), json);
    }
  }

  @Property(tries = 400)
  void reassignmentJsonIsParsedOrRefusedInOneLine(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice) {
    String json = how.breakJson(PLAN, at, choice);

    Throwable thrown = catchThrowable(() -> ReassignmentJson.parse(json));

    if (how.alwaysBad()) {
      assertThat(thrown).as(json).isNotNull();
    }
    if (thrown != null) {
      assertThat(thrown).as(json).isExactlyInstanceOf(IllegalArgumentException.class);
      assertOneLine(thrown.getMessage(), json);
    }
  }

  @Property(tries = 200)
  void workloadYamlIsReadOrRefusedInOneLineWithoutJacksonInternals(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice) {
    String yaml = how.breakYaml(WORKLOAD, at, choice);

    Throwable thrown = catchThrowable(() -> new WorkloadSpecReader().parse(yaml, "w.yaml"));

    if (how.alwaysBadYaml()) {
      assertThat(thrown).as(yaml).isNotNull();
    }
    if (thrown != null) {
      assertThat(thrown).as(yaml).isInstanceOf(WorkloadSpecException.class);
      assertOneLine(thrown.getMessage(), yaml);
      assertThat(thrown.getMessage()).as(yaml).matches("w\\.yaml line \\d+: .*");
      assertThat(thrown.getMessage())
          .as(yaml)
          .doesNotContain(
              "com.fasterxml", "java.", "Creator", "Cannot construct", "Cannot deserialize", "`");
    }
  }

  @Property(tries = 8)
  void planRefusesABrokenSnapshotWithExitCode2(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice)
      throws IOException {
    String json = how.breakJson(SNAPSHOT, at, choice);
    CliRun run = runOn(json, "plan", "--snapshot", FILE);
    if (run.exitCode() != 0 || how.alwaysBad()) {
      assertCliRefused(run, json);
    }
  }

  @Property(tries = 8)
  void executeRefusesABrokenPlanBeforeTouchingAnyCluster(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice)
      throws IOException {
    String json = how.breakJson(PLAN, at, choice);
    // Nothing listens on port 1: a plan that parsed would fail with exit 3, not 2.
    CliRun run =
        runOn(json, "execute", FILE, "--bootstrap-server", "127.0.0.1:1", "--timeout", "1");
    if (run.exitCode() != 3 || how.alwaysBad()) {
      assertCliRefused(run, json);
      assertThat(run.err()).as(json).contains("nothing was executed");
    }
  }

  @Property(tries = 8)
  void loadRunRefusesABrokenWorkloadBeforeTouchingAnyCluster(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice)
      throws IOException {
    String yaml = how.breakYaml(WORKLOAD, at, choice);
    CliRun run =
        runOn(yaml, "load", "run", FILE, "--bootstrap-server", "127.0.0.1:1", "--timeout", "1");
    if (run.exitCode() != 3 || how.alwaysBadYaml()) {
      assertCliRefused(run, yaml);
    }
  }

  /**
   * Runs the CLI with {@code args}, {@link #FILE} standing for a temporary file of {@code text}.
   */
  private static CliRun runOn(String text, String... args) throws IOException {
    Path file = Files.createTempFile("malformed", ".txt");
    try {
      Files.writeString(file, text);
      return CliRun.of(
          java.util.Arrays.stream(args)
              .map(a -> a.equals(FILE) ? file.toString() : a)
              .toArray(String[]::new));
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 50)
  void aSnapshotThatParsesIsAModelNotASilentClamp(
      @ForAll Malformed how, @ForAll @IntRange(max = 100_000) int at, @ForAll int choice) {
    String json = how.breakJson(SNAPSHOT, at, choice);
    Throwable thrown = catchThrowable(() -> SnapshotCodec.parse(json));
    if (thrown == null) {
      ClusterModel model = SnapshotCodec.parse(json);
      assertThat(model.partitions())
          .allSatisfy(p -> assertThat(p.load().sizeBytes()).isLessThan(Long.MAX_VALUE));
    }
  }

  @Property(tries = 1)
  void theUnbrokenDocumentsAreValid() {
    assertThat(SnapshotCodec.parse(SNAPSHOT).brokers()).hasSize(3);
    assertThat(ReassignmentJson.parse(PLAN)).hasSize(2);
    assertThat(new WorkloadSpecReader().parse(WORKLOAD, "w.yaml").consumers()).hasSize(2);
    assertThatThrownBy(() -> SnapshotCodec.parse(SNAPSHOT + "}"))
        .isInstanceOf(SnapshotFormatException.class);
  }

  private static void assertCliRefused(CliRun run, String input) {
    assertThat(run.exitCode()).as(run.err() + "\n" + input).isEqualTo(2);
    assertThat(run.err()).as(input).startsWith("ballast: ").doesNotContain("\tat ", "Exception");
    assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
  }

  private static void assertOneLine(String message, String input) {
    assertThat(message).as(input).isNotBlank().doesNotContain("\n", "\r");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
