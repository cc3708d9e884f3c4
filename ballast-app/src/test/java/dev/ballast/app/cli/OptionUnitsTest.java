package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.Main;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.ParseResult;

/** Durations, sizes and parse errors mean the same in every command. */
class OptionUnitsTest {

  private static ParseResult parsed(String... args) {
    ParseResult top = Main.newCommandLine().parseArgs(args);
    ParseResult p = top;
    while (p.subcommand() != null) {
      p = p.subcommand();
    }
    return p;
  }

  @Test
  void bareNumbersAreSecondsInEveryDurationOption() {
    ParseResult balance =
        parsed("balance", "--interval", "5", "--duration", "10", "--timeout", "3");
    assertThat(balance.<Duration>matchedOptionValue("--interval", null)).hasSeconds(5);
    assertThat(balance.<Duration>matchedOptionValue("--duration", null)).hasSeconds(10);
    assertThat(balance.<Duration>matchedOptionValue("--timeout", null)).hasSeconds(3);
  }

  @Test
  void fractionsWithAUnitAreAcceptedOnTheCommandLineAsInYaml() {
    ParseResult serve = parsed("serve", "--duration", "1.5s", "--timeout", "500ms");
    assertThat(serve.<Duration>matchedOptionValue("--duration", null)).hasMillis(1500);
    assertThat(serve.<Duration>matchedOptionValue("--timeout", null)).hasMillis(500);
  }

  @Test
  void throttleTakesTheSameSizesInExecuteBalanceAndDoctor() {
    assertThat(
            parsed("execute", "--throttle", "10MB", "p.json")
                .<Long>matchedOptionValue("--throttle", 0L))
        .isEqualTo(10_000_000L);
    assertThat(parsed("balance", "--throttle", "50MiB").<Long>matchedOptionValue("--throttle", 0L))
        .isEqualTo(50L << 20);
    assertThat(
            parsed("balance", "--throttle", "1500000").<Long>matchedOptionValue("--throttle", 0L))
        .isEqualTo(1_500_000L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cluster describe --bootstrap-server h:1 --timeout 0 | ballast cluster describe: Invalid value for option '--timeout': '0' must be longer than 0",
        "execute --throttle ten p.json | ballast execute: Invalid value for option '--throttle': 'ten' is not a size",
        "balance --interval soon       | ballast balance: Invalid value for option '--interval': 'soon' is not a duration",
        "plan --snapshot               | ballast plan: Missing required parameter for option '--snapshot'",
        "balance --no-such-option      | ballast balance: Unknown option: '--no-such-option'",
      })
  void aParseErrorIsOneLineAndAPointerToHelp(String args, String expected) {
    CliRun run = CliRun.of(args.trim().split("\\s+"));

    assertThat(run.exitCode()).isEqualTo(2);
    String command = expected.trim().substring(0, expected.trim().indexOf(':'));
    assertThat(run.err().lines().toList()).first().asString().startsWith(expected.trim());
    assertThat(run.err().lines().toList()).last().isEqualTo("see '" + command + " --help'");
    assertThat(run.err().lines().count()).isLessThanOrEqualTo(3);
    assertThat(run.err()).doesNotContain("Usage:");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void loadProduceTakesByteRatesInTheSameUnits() {
    assertThat(
            parsed("load", "produce", "--topic", "t", "--bytes-per-sec", "10MB")
                .<Long>matchedOptionValue("--bytes-per-sec", 0L))
        .isEqualTo(10_000_000L);
  }

  @ParameterizedTest
  @CsvSource({"10%, 10", "10, 10", "0.1, 10", "0.10, 10", "2.5%, 2.5", "0.5, 50"})
  void bandMeansTheSameInPlanAndBalance(String band, double percent) {
    assertThat(
            parsed("plan", "--snapshot", "s.json", "--band", band)
                .<Double>matchedOptionValue("--band", 0.0))
        .isCloseTo(percent, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(parsed("balance", "--band", band).<Double>matchedOptionValue("--band", 0.0))
        .isCloseTo(percent / 100, org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plan --snapshot s.json --band 150% | '150%' is not a band between 0% and 100%",
        "balance --band 0                   | '0' is not a band between 0% and 100%",
        "balance --band wide                | 'wide' is not a band; write a percentage (10%) or a fraction (0.10)",
      })
  void aBandOutOfRangeIsRefusedInOneLine(String args, String expected) {
    CliRun run = CliRun.of(args.trim().split("\\s+"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(expected.trim()).doesNotContain("Usage:");
  }

  @Test
  void helpOfPlanAndBalanceRendersTheBand() {
    assertThat(CliRun.of("plan", "--help").out().replaceAll("\\s+", " "))
        .contains("10%, 10 or 0.10 all mean +-10%, as for balance (default: 10%)");
    assertThat(CliRun.of("balance", "--help").out().replaceAll("\\s+", " "))
        .contains("10%, 10 or 0.10 all mean +-10%, as for plan (default: 10%)");
  }
}
