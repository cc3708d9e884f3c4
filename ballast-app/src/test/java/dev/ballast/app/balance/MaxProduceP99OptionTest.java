package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.GuardDecision;
import dev.ballast.kafka.exec.GuardSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --max-produce-p99}: parsed, described in --help, refused with a clear line when wrong. */
class MaxProduceP99OptionTest {

  @Test
  void theGuardIsOffByDefaultAndOnWithALimit() {
    BalanceOptions off = new BalanceOptions();
    off.interval = Duration.ofSeconds(5);
    off.samples = 3;
    off.maxMovesPerBroker = 5;
    off.maxMoves = 20;
    off.band = 0.1;
    assertThat(off.settings().executor().guard()).isEmpty();

    off.maxProduceP99.limit = Duration.ofMillis(50);
    GuardSettings guard = off.settings().executor().guard().orElseThrow();
    assertThat(guard.maxProduceP99()).isEqualTo(Duration.ofMillis(50));
    assertThat(guard.maxMoves()).isEqualTo(20);
    assertThat(off.settings().canaryInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theGuardWithoutTheCanaryIsOneLineAndExitCode2() {
    CommandRun run =
        CommandRun.of(
            "balance",
            "--bootstrap-server",
            "127.0.0.1:1",
            "--no-canary",
            "--max-produce-p99",
            "50ms");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out().strip())
        .isEqualTo(
            "ballast: --max-produce-p99 reads the canary's produce latency: drop --no-canary");
  }

  @Test
  void aLimitThatIsNotADurationIsRefused() {
    CommandRun run =
        CommandRun.of("balance", "--bootstrap-server", "127.0.0.1:1", "--max-produce-p99", "0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("--max-produce-p99");
  }

  @ParameterizedTest
  @ValueSource(strings = {"balance", "execute", "serve", "drain", "add-broker"})
  void everyExecutingCommandDescribesTheGuard(String command) {
    String help = CommandRun.of(command, "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("--max-produce-p99=DURATION").contains("Latency guard while moving");
  }

  @Test
  void eachGuardDecisionIsShownOnceAboveTheBar() {
    ProgressLines lines = new ProgressLines();
    GuardDecision first =
        new GuardDecision(
            1,
            GuardDecision.Action.BACK_OFF,
            OptionalDouble.of(80),
            50,
            0,
            1,
            1_000_000,
            "p99 over the limit, backing off (x0.50)");

    List<String> shown = lines.next(progress(Optional.of(first)));
    assertThat(shown).hasSize(2);
    assertThat(shown.get(0)).startsWith("guard #1: canary p99 80.0 ms (limit 50 ms)");
    assertThat(lines.next(progress(Optional.of(first)))).isEmpty();
    assertThat(lines.next(progress(Optional.empty()))).isEmpty();
  }

  private static ExecutionProgress progress(Optional<GuardDecision> guard) {
    return new ExecutionProgress(ExecutionPhase.MOVING, 2, 0, 1, 1, 0, 0, 10, 0, List.of(), guard);
  }
}
