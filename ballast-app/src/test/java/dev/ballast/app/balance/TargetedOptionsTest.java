package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --only-relieve} and {@code --execute-window} refused before any cluster is contacted. */
class TargetedOptionsTest {

  @Test
  void balanceRefusesAPercentageItHasNoCapacityFor() {
    CommandRun run =
        CommandRun.of(
            "balance", "--bootstrap-server", "127.0.0.1:1", "--only-relieve", "network-in>80%");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out())
        .contains(
            "--only-relieve network-in>80% needs broker capacities, which balance does not know;"
                + " give an absolute limit such as network-in>50MB/s");
  }

  @Test
  void aBadWindowNamesThePartAndTheForms() {
    CommandRun run =
        CommandRun.of(
            "execute",
            "p.json",
            "--bootstrap-server",
            "127.0.0.1:1",
            "--execute-window",
            "25:00-05:00");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out())
        .contains("Invalid value for option '--execute-window'")
        .contains("'25:00' is not a time of day; write HH:MM-HH:MM in UTC");
  }

  @Test
  void balanceOnceWithAWindowIsRefused() {
    CommandRun run =
        CommandRun.of(
            "balance",
            "--bootstrap-server",
            "127.0.0.1:1",
            "--once",
            "--execute-window",
            "01:00-05:00");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("--once and --execute-window do not combine");
  }

  @Test
  void balanceRefusesAnUnknownResource() {
    CommandRun run =
        CommandRun.of("balance", "--bootstrap-server", "127.0.0.1:1", "--only-relieve", "cpu>80%");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("'cpu' is not in the load model (no CPU figure");
  }
}
