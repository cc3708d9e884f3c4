package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.app.Main;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code balance} and {@code serve} stop promptly on SIGTERM (what Ctrl-C and a service manager
 * send) and say so: before the fix a shutdown hook joined the main thread, which is blocked in
 * System.exit, for exactly 10 s, and printed nothing.
 */
class SignalStopIT {

  private static EmbeddedKafkaCluster cluster;

  @BeforeAll
  static void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(1));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"balance --dry-run", "serve --http-port 0"})
  void stopsWithinSecondsOfSigtermAndSaysSo(String command, @TempDir Path dir) throws Exception {
    Path log = dir.resolve("out.log");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    args.addAll(List.of(command.split(" ")));
    args.addAll(List.of("--bootstrap-server", cluster.bootstrapServers()));
    Process process =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(dir.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> Files.readString(log).contains("sampling load"));

      long start = System.nanoTime();
      process.destroy(); // SIGTERM
      boolean ended = process.waitFor(60, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;

      String out = Files.readString(log);
      assertThat(ended).as(out).isTrue();
      assertThat(seconds).as(out).isLessThan(8.0);
      assertThat(out)
          .contains("stopping the balancer...")
          .contains("stopped" + System.lineSeparator());
    } finally {
      process.destroyForcibly();
    }
  }
}
