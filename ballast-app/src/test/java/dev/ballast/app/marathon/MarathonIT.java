package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code marathon --rounds 1 --quick} from the command line, as a user runs it, with the shipped
 * tasks at small sizes on the embedded cluster: every run passes and the results are written.
 */
class MarathonIT {

  @TempDir Path dir;

  @Test
  void oneQuickRoundOfTheShippedTasksPassesAndWritesTheIndex() throws Exception {
    Path tasks = dir.resolve("tasks.yaml");
    Files.writeString(
        tasks,
        """
        tasks:
          - type: catch-up-read
            config: {quickBacklogMiB: 10, partitions: 3}
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
            "1",
            "--quick",
            "--tasks",
            tasks.toString(),
            "--results",
            results.toString());

    for (String run : new String[] {"1-catch-up-read", "1-throughput"}) {
      JsonNode summary =
          new ObjectMapper().readTree(results.resolve(run).resolve("summary.json").toFile());
      assertThat(summary.path("outcome").asText())
          .as(run + ": " + summary + "\n" + out)
          .isEqualTo("PASS");
      assertThat(results.resolve(run).resolve("events.jsonl")).isNotEmptyFile();
    }
    assertThat(exit).as(out.toString()).isZero();
    String index = Files.readString(results.resolve("README.md"));
    assertThat(index)
        .contains(
            "| catch-up-read | 1 | 1 |",
            "| throughput | 1 | 1 |",
            "### catch-up-read.catch-up-mb-per-s (MB/s)");
    assertThat(results.resolve("charts/catch-up-read.catch-up-mb-per-s.png")).isNotEmptyFile();
    assertThat(out.toString()).contains("marathon done: 2 run(s), 2 passed");
  }

  @Test
  void anUnknownFieldInTheTaskListIsExitCode2WithFileLineAndField() throws Exception {
    Path tasks = dir.resolve("bad.yaml");
    Files.writeString(tasks, "tasks:\n  - type: catch-up-read\n    config:\n      backlog: 1GiB\n");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "marathon", "--tasks", tasks.toString(), "--results", dir.resolve("r").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "bad.yaml line 4: tasks[0].config.backlog: unknown field (known: backlogMiB, consumers, deadline,");
  }
}
