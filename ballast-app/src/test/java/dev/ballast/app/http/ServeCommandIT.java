package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} without {@code --bootstrap-server} starts an embedded cluster, prints where it
 * serves, serves, and stops everything on time.
 */
class ServeCommandIT {

  private static final Pattern DASHBOARD =
      Pattern.compile("dashboard: (http://127\\.0\\.0\\.1:\\d+/)#token=([0-9a-f]{32})");

  @Test
  void servesTheApiAndMetricsWhileItRuns() throws Exception {
    ServeRun run = new ServeRun();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                run.execute(
                    "serve",
                    "--brokers",
                    "2",
                    "--http-port",
                    "0",
                    "--interval",
                    "1s",
                    "--samples",
                    "2",
                    "--duration",
                    "25s"));
    Matcher m =
        await("serve prints its URL (" + run.err + ")")
            .atMost(Duration.ofSeconds(120))
            .until(() -> DASHBOARD.matcher(run.out.toString()), Matcher::find);
    LiveApi api = new LiveApi(URI.create(m.group(1)), m.group(2));
    assertThat(run.out.toString()).contains("approval mode", "bootstrap.servers=127.0.0.1:");

    await("brokers in the API")
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("api/brokers").path("brokers").size() == 2);
    assertThat(api.get("api/state").path("mode").asText()).isEqualTo("approval");
    assertThat(api.text("metrics")).contains("ballast_broker_partitions{broker=\"1\"");
    assertThat(api.post("api/cancel", "").statusCode()).isEqualTo(409);

    assertThat(exit.get(90, TimeUnit.SECONDS)).as(run.out + "\n" + run.err).isZero();
    assertThat(
            CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        api.text("api/state");
                        return "still answering";
                      } catch (RuntimeException e) {
                        return "stopped";
                      }
                    })
                .get(30, TimeUnit.SECONDS))
        .isEqualTo("stopped");
  }
}
