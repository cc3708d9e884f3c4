package dev.ballast.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The load commands' user errors: one line naming what was wrong, before any cluster starts. */
class LoadCommandTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void aBadWorkloadFileNamesTheFieldAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("w.yaml");
    Files.writeString(file, "producers:\n  - topic: t\n    messagesPerSecond: -5\n");

    assertThat(run("load", "run", file.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "ballast: w.yaml line 3: producers[0].messagesPerSecond: must be > 0, got -5.0"
                + System.lineSeparator());
  }

  @Test
  void aMissingWorkloadFileSaysSo(@TempDir Path dir) {
    assertThat(run("load", "run", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml does not exist");
  }

  @Test
  void badProduceOptionsNameTheOption() {
    assertThat(run("load", "produce", "--topic", "t", "--rate", "-5")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate: must be > 0, got -5.0");
  }

  @Test
  void rateAndBytesPerSecondExcludeEachOther() {
    assertThat(run("load", "produce", "--topic", "t", "--rate", "5", "--bytes-per-sec", "5"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--bytes-per-sec: give messagesPerSecond or bytesPerSecond");
  }

  @Test
  void badDurationsAreOneLine() {
    assertThat(run("load", "consume", "--topic", "t", "--group", "g", "--duration", "soon"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a duration");
  }

  @Test
  void consumingFromAnUnreachableClusterIsNotCleanButExitCode3() {
    long start = System.nanoTime();
    int exit =
        run(
            "load",
            "consume",
            "--bootstrap-server",
            "127.0.0.1:1",
            "--timeout",
            "1s",
            "--topic",
            "t",
            "--group",
            "g",
            "--duration",
            "2s");

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("nothing answered at the cluster at 127.0.0.1:1 within 1s");
    assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
  }

  @Test
  void producingToAnUnreachableClusterGivesUpAfterTimeout() {
    long start = System.nanoTime();
    int exit =
        run(
            "load",
            "produce",
            "--bootstrap-server",
            "127.0.0.1:1",
            "--timeout",
            "1s",
            "--topic",
            "t",
            "--rate",
            "10",
            "--duration",
            "2s");

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("the cluster did not answer within 1s");
    // Before the fix the Admin client's 60 s default held the command after the 1 s timeout.
    assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
  }
}
