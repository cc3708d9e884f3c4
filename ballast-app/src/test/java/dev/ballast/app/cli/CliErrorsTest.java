package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one clear line and a non-zero exit, never a stack trace. */
class CliErrorsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cluster up --brokers 0              | --brokers must be between 1 and 16 for the embedded cluster, not 0",
        "cluster up --brokers 17             | --brokers must be between 1 and 16 for the embedded cluster, not 17",
        "cluster describe                    | --bootstrap-server is required",
        "cluster describe --bootstrap-server nohost | 'nohost' in --bootstrap-server is not host:port",
        "cluster describe --bootstrap-server 127.0.0.1:9092 --command-config /no/such/file | --command-config file /no/such/file does not exist",
        "balance --bootstrap-server 127.0.0.1:9092 --prometheus-url broker-1:9404 | --prometheus-url: 'broker-1:9404' is not an http(s) URL like http://broker-1:9404/metrics",
        "snapshot --bootstrap-server 127.0.0.1:9092 -o x.json --prometheus-url http://b/m,http://b/m | --prometheus-url: http://b/m is listed twice; each broker's endpoint must appear once",
      })
  void badInputIsOneLineWithoutStackTrace(String args, String expected) {
    CliRun run = CliRun.of(args.trim().split("\\s+"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ballast: ").contains(expected.trim());
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void anUnreachableClusterFailsWithinTheTimeout() {
    long start = System.nanoTime();
    CliRun run =
        CliRun.of("cluster", "describe", "--bootstrap-server", "127.0.0.1:1", "--timeout", "2");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("no Kafka cluster answered at 127.0.0.1:1 within 2 s");
    assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.of("cluster", "describe", "--bootstrap-server", "nohost", "--verbose");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void versionNamesBallastAndKafka() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("ballast ").contains("Apache Kafka 4.3.1");
  }
}
