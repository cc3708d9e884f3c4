package dev.ballast.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code demo --workers}: bad values and combinations that cannot work are one line and exit code 2
 * before any cluster starts or is contacted; without {@code --workers} nothing is started.
 */
class ScenarioWorkersTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "traffic-based --workers 0|--workers '0' is neither a count from 1 to 64 nor 'external'",
        "traffic-based --workers many|--workers 'many' is neither a count from 1 to 64",
        "traffic-based --workers external|--workers external needs --bootstrap-server",
        "scale-down-kill --workers external --bootstrap-server 127.0.0.1:9|--workers external"
            + " without --control-bootstrap cannot run scale-down-kill: it stops a broker",
        "all --workers external --bootstrap-server 127.0.0.1:9"
            + "|cannot run scale-down: it stops a broker of the cluster under test",
        "traffic-based --workers 2 --control-prefix a/b|--control-prefix: control topic prefix",
      })
  void aBadWorkersOptionIsOneLineAndExitCode2BeforeAnyCluster(String args, String message) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> argv = new java.util.ArrayList<>(List.of("demo", "--results", dir.toString()));
    argv.addAll(List.of(args.split(" ")));

    int exit = cli.execute(argv.toArray(String[]::new));

    assertThat(exit).as(out + "\n" + err).isEqualTo(2);
    assertThat(err.toString()).contains(message);
    assertThat(err.toString().lines().filter(l -> !l.isBlank())).hasSize(1);
    assertThat(out.toString()).doesNotContain("cluster up").doesNotContain("control topics");
  }

  @Test
  void withoutWorkersTheScenariosGetLocalWorkersAndNothingStarts() {
    WorkersOption option = new WorkersOption();
    StringWriter log = new StringWriter();
    try (ScenarioWorkers workers = ScenarioWorkers.open(option, new PrintWriter(log, true))) {
      assertThat(workers.isRemote()).isFalse();
      try (WorkerSupply supply =
          workers.supply(
              dev.ballast.kafka.ClientSettings.of("127.0.0.1:9"),
              dir,
              new PrintWriter(log, true))) {
        assertThat(supply.isRemote()).isFalse();
        assertThat(supply.livePids()).isEmpty();
      }
    }
    assertThat(log.toString()).isEmpty();
  }
}
