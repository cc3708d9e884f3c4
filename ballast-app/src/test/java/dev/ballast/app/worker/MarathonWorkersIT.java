package dev.ballast.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code marathon --workers 2} from the command line: the throughput task runs twice (two rounds)
 * on the same two forked worker processes, each run a new remote run of the same worker group, and
 * both pass; when the marathon ends no worker process is left.
 */
class MarathonWorkersIT {

  @TempDir Path dir;

  @Test
  void twoRoundsOfTheThroughputTaskPassOnTwoForkedWorkersAndNoProcessIsLeft() throws Exception {
    Path tasks = dir.resolve("tasks.yaml");
    Files.writeString(
        tasks,
        """
        tasks:
          - type: throughput
            config: {messagesPerSecond: 300, duration: 10s, warmUp: 3s, window: 5s, tolerance: 0.1,
                     p99Limit: 10s}
        """);
    Path results = dir.resolve("marathon");
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));

    int exit =
        cli.execute(
            "marathon",
            "--rounds",
            "2",
            "--quick",
            "--workers",
            "2",
            "--tasks",
            tasks.toString(),
            "--results",
            results.toString());

    for (String run : List.of("1-throughput", "2-throughput")) {
      JsonNode summary =
          new ObjectMapper().readTree(results.resolve(run).resolve("summary.json").toFile());
      assertThat(summary.path("outcome").asText())
          .as(run + ": " + summary + "\n" + out)
          .isEqualTo("PASS");
    }
    assertThat(exit).as(out.toString()).isZero();
    // Both runs were driven on the same two forked workers: one start, two rosters.
    assertThat(out.toString()).containsOnlyOnce("started 2 local worker process(es)");
    assertThat(out.toString().lines().filter(l -> l.matches("workers: local-\\d, local-\\d")))
        .hasSize(2);
    assertThat(results.resolve("workers").resolve("local-0.log")).exists();
    List<String> left =
        ProcessHandle.current()
            .descendants()
            .filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse(""))
            .filter(c -> c.contains("dev.ballast.app.Main worker"))
            .toList();
    assertThat(left).as("worker processes left behind").isEmpty();
  }
}
