package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every scenario, quick, from the command line as a user runs it: on a real embedded cluster, the
 * balancer must reach the expected end with every check passing, and write every report file. One
 * more run puts the load on two forked worker processes ({@code --workers 2}).
 */
class DemoIT {

  @TempDir Path results;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "traffic-based",
        "qps-based",
        "scale-up",
        "scale-down",
        "slow-node",
        "scale-down-kill",
        "capacity"
      })
  void scenarioPassesEveryCheckAndWritesItsReport(String scenario) throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));

    int exit = cli.execute("demo", scenario, "--quick", "--results", results.toString());

    Path dir = onlyRunDir(scenario);
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText())
        .as(failures(summary) + "\n" + tail(out.toString()))
        .isEqualTo("PASS");
    assertThat(exit).isZero();
    for (String f : ReportWriter.FILES) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    for (ChartRenderer.Spec chart : ChartRenderer.CHARTS) {
      assertThat(ReportWriter.isPng(dir.resolve("charts").resolve(chart.file() + ".png"))).isTrue();
    }
    assertThat(summary.path("continuity").path("lost").asLong()).isZero();
    assertThat(summary.path("continuity").path("duplicated").asLong()).isZero();
    assertThat(summary.path("continuity").path("consumed").asLong()).isPositive();
    assertThat(results.resolve("latest/README.md")).content().contains(scenario).contains("PASS");
    if (scenario.equals("capacity")) {
      // The doctor's fix in every format, and the two-step fix on the console.
      for (String f : CapacityFix.FILES.values()) {
        assertThat(dir.resolve("fix").resolve(f)).isNotEmptyFile();
      }
      assertThat(dir.resolve("fix/aws-cli.sh"))
          .content()
          .contains("update-broker-count")
          .contains("TARGET=4");
      assertThat(out.toString()).contains("CapacityInsufficient").contains("step 2, rebalance");
    }
  }

  /**
   * {@code demo traffic-based --workers 2}: the load runs on two worker processes forked for the
   * scenario's cluster, their control topics on a separate embedded control cluster; the checks
   * pass as in-process, and no worker or control broker process is left.
   */
  @Test
  void withTwoForkedWorkersTheLoadRunsOnThemAndEveryCheckPasses() throws IOException {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));

    int exit =
        cli.execute(
            "demo", "traffic-based", "--quick", "--workers", "2", "--results", results.toString());

    Path dir = onlyRunDir("traffic-based");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("verdict").asText())
        .as(failures(summary) + "\n" + tail(out.toString()))
        .isEqualTo("PASS");
    assertThat(exit).isZero();
    assertThat(summary.path("continuity").path("lost").asLong()).isZero();
    assertThat(summary.path("continuity").path("duplicated").asLong()).isZero();
    assertThat(summary.path("continuity").path("consumed").asLong()).isPositive();
    String console = out.toString();
    assertThat(console)
        .contains("control topics on an embedded one-broker control cluster")
        .containsOnlyOnce("started 2 local worker process(es)")
        .contains("[traffic-based] workers: local-0, local-1");
    // Both workers applied the start of the producers and of the consumer group: the load ran
    // there.
    assertThat(console.lines().filter(l -> l.contains("remote workers: local-0, local-1")))
        .singleElement()
        .asString()
        .contains("start producers")
        .contains("start consumer group traffic-based-check");
    assertThat(dir.resolve("workers/local-0.log")).content().contains("left the group");
    assertThat(dir.resolve("workers/local-1.log")).content().contains("left the group");
    List<String> left =
        ProcessHandle.current()
            .descendants()
            .filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse(""))
            .filter(c -> c.contains("dev.ballast.app.Main worker") || c.contains("NodeMain"))
            .toList();
    assertThat(left).as("worker or broker processes left behind").isEmpty();
  }

  private Path onlyRunDir(String scenario) throws IOException {
    try (Stream<Path> dirs = Files.list(results)) {
      List<Path> runs =
          dirs.filter(d -> d.getFileName().toString().startsWith(scenario + "-2")).toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }

  private static String failures(JsonNode summary) {
    StringBuilder sb = new StringBuilder();
    summary
        .path("checks")
        .forEach(
            c -> {
              if (!c.path("verdict").asText().equals("PASS")) {
                sb.append(c.path("name").asText())
                    .append(": ")
                    .append(c.path("evidence").asText())
                    .append('\n');
              }
            });
    return sb.toString() + summary.path("error").asText("");
  }

  private static String tail(String s) {
    List<String> lines = s.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
