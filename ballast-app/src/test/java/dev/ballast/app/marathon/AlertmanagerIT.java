package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.workload.rate.NanoClock;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) receives a marathon alert through
 * API v2, shows it active with Ballast's labels, and drops it once it is resolved. Skipped when the
 * binary is not installed.
 */
class AlertmanagerIT {

  @TempDir Path dir;

  @Test
  void anAlertFiresAndResolvesInARealAlertmanager() throws Exception {
    Path binary = onPath("prometheus-alertmanager", "alertmanager");
    assumeTrue(
        binary != null,
        "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager):"
            + " skipping the real-Alertmanager test");
    int port = freePort();
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, "route:\n  receiver: none\nreceivers:\n  - name: none\n");
    Process am =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      await("Alertmanager ready (log: " + dir.resolve("alertmanager.log") + ")")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(300))
          .ignoreExceptions()
          .until(() -> get(base, "/-/ready").startsWith("OK"));
      List<String> log = new ArrayList<>();
      Alerts alerts =
          new Alerts(
              "embedded",
              List.of(AlertSender.alertmanager(base)),
              NanoClock.SYSTEM,
              InstantSource.system(),
              log::add);

      alerts.taskEnded(AlertsTest.result("catch-up-read", 1, AlertsTest.LOST));
      JsonNode fired =
          await("the alert active in Alertmanager (" + log + ")")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(300))
              .until(() -> ours(base), a -> a != null);
      assertThat(fired.at("/labels/severity").asText()).isEqualTo("critical");
      assertThat(fired.at("/labels/task").asText()).isEqualTo("catch-up-read");
      assertThat(fired.at("/labels/checker").asText()).isEqualTo("continuity");
      assertThat(fired.at("/labels/cluster").asText()).isEqualTo("embedded");
      assertThat(fired.at("/annotations/summary").asText()).isEqualTo("catch-up-read FAIL: 3 lost");
      assertThat(fired.at("/status/state").asText()).isEqualTo("active");

      alerts.taskEnded(AlertsTest.result("catch-up-read", 2, AlertsTest.OK));
      await("the alert resolved in Alertmanager")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> ours(base) == null);
      assertThat(log).isEmpty();
    } finally {
      am.destroy();
      if (!am.waitFor(15, TimeUnit.SECONDS)) {
        am.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    assertThat(am.isAlive()).isFalse();
  }

  /** Returns the active Ballast alert Alertmanager holds, or null. */
  private static JsonNode ours(URI base) throws Exception {
    for (JsonNode a : new ObjectMapper().readTree(get(base, "/api/v2/alerts?active=true"))) {
      if (a.at("/labels/alertname").asText().equals("BallastMarathonCheck")) {
        return a;
      }
    }
    return null;
  }

  private static String get(URI base, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    return r.body();
  }

  private static Path onPath(String... names) {
    for (String name : names) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
