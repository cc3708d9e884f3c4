package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code --help} tells a user is whole and true. */
class HelpTextTest {

  /** Returns the summaries of the "Commands:" section, each joined from its wrapped lines. */
  private static List<String> summaries(String help) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        in = true;
      } else if (in && line.startsWith("  ") && !line.startsWith("    ")) {
        out.add(line.strip());
      } else if (in && line.startsWith("    ")) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.strip());
      } else if (in) {
        break;
      }
    }
    return out;
  }

  @Test
  void everyCommandSummaryIsAWholeSentence() {
    List<String> summaries = summaries(CliRun.of("--help").out());

    assertThat(summaries).hasSizeGreaterThan(10);
    assertThat(summaries).allSatisfy(s -> assertThat(s).endsWith("."));
    assertThat(summaries)
        .anySatisfy(
            s ->
                assertThat(s.replaceAll("\\s+", " ")).startsWith("balance Runs the auto-balancer"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"load", "cluster", "bench"})
  void subcommandListsAreWholeSentencesToo(String command) {
    assertThat(summaries(CliRun.of(command, "--help").out()))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s).endsWith("."));
  }

  @Test
  void theExitCodesAreDocumented() {
    String help = CliRun.of("--help").out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("Exit codes: 0 done")
        .contains("2 bad input")
        .contains("3 the cluster did not answer")
        .contains("4 not authorized")
        .contains("5 inconclusive");
  }

  @Test
  void serveTellsItsRealDefaultPort() {
    assertThat(CliRun.of("serve", "--help").out().replaceAll("\\s+", " "))
        .contains("default: 8890 for serve")
        .doesNotContain("default: no server)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"drain", "add-broker"})
  void oneShotCommandsDoNotListTheLoopOptionsTheyIgnore(String command) {
    String help = CliRun.of(command, "--help").out();
    assertThat(help).doesNotContain("--cooldown", "--dead-broker-grace").contains("--throttle");
  }

  @Test
  void theLoopCommandsStillTakeThem() {
    assertThat(CliRun.of("balance", "--help").out()).contains("--cooldown", "--dead-broker-grace");
    assertThat(CliRun.of("serve", "--help").out()).contains("--cooldown", "--dead-broker-grace");
  }
}
