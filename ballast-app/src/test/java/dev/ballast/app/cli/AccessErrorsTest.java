package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.KafkaCallException;
import dev.ballast.kafka.access.Refusals;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Every command's refusals and unreachable clusters map to one line and exit 4 or 3. */
class AccessErrorsTest {

  @TempDir Path dir;

  /** A command that fails with whatever the test gives it, wrapped as a step failure. */
  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    @Mixin VerboseOption verbose;
    @Mixin ConnectionOptions connection;
    RuntimeException failure;

    @Override
    public Integer call() {
      throw new IllegalStateException("step failed", failure);
    }
  }

  private record Run(int exit, String err) {}

  private static Run run(RuntimeException failure, String... args) {
    Fails command = new Fails();
    command.failure = failure;
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(new CliErrors());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, err.toString());
  }

  @Test
  void aRefusalIsOneLineNamingThePrincipalOfTheCommandConfig() throws Exception {
    Path config = dir.resolve("bob.properties");
    Files.writeString(
        config,
        "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config="
            + "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"bob\" password=\"x\";\n");
    RuntimeException denied =
        Refusals.of(
                "create the canary topic",
                new TopicAuthorizationException(Set.of("__ballast_canary")))
            .orElseThrow();

    Run run = run(denied, "--command-config", config.toString());

    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.err())
        .isEqualTo(
            "ballast: principal User:bob is not authorized to create the canary topic: grant"
                + " CREATE on topic __ballast_canary, or run with --no-canary\n");
  }

  @Test
  void aRawAuthorizationErrorWithoutCommandConfigIsAnonymous() {
    Run run = run(new KafkaCallException("cannot x", new TopicAuthorizationException(Set.of("t"))));

    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.err()).startsWith("ballast: principal User:ANONYMOUS is not authorized");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void anUnreachableClusterAnywhereInTheCausesIsExitThree() {
    Run run = run(new ClusterUnreachableException("no Kafka cluster answered at h:1", null));

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("ballast: no Kafka cluster answered at h:1\n");
  }

  @Test
  void anythingElseStaysExitOne() {
    Run run = run(new IllegalArgumentException("boom"));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("ballast: step failed");
  }
}
