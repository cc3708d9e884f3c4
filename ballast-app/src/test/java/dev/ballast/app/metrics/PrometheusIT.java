package dev.ballast.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.app.http.LiveApi;
import dev.ballast.app.http.LiveBalancer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package) scrapes Ballast with the shipped config while a balancer
 * runs on an embedded cluster; its HTTP API then holds Ballast's per-broker series, and every query
 * of the Grafana dashboard evaluates. Skipped when {@code prometheus} is not installed.
 */
class PrometheusIT {

  @TempDir Path dir;

  @Test
  void prometheusScrapesPerBrokerSeries() throws Exception {
    Path binary = onPath("prometheus");
    assumeTrue(
        binary != null,
        "prometheus is not installed (apt-get install prometheus): skipping the real-Prometheus"
            + " test");
    try (LiveBalancer live = LiveBalancer.start()) {
      URI ballast = live.server().url();
      int port = freePort();
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(
          config,
          Files.readString(GrafanaDashboardTest.PROMETHEUS)
              .replace("127.0.0.1:8890", "127.0.0.1:" + ballast.getPort())
              .replace("scrape_interval: 5s", "scrape_interval: 1s"));
      Process prometheus =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        LiveApi api = new LiveApi(URI.create("http://127.0.0.1:" + port + "/"), "");
        await("Prometheus ready (log: " + dir.resolve("prometheus.log") + ")")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .until(() -> api.text("-/ready").contains("Ready"));

        JsonNode partitions = awaitSeries(api, "ballast_broker_partitions", 3);
        assertThat(brokers(partitions)).containsExactly("0", "1", "2");
        assertThat(partitions.get(0).at("/metric/job").asText()).isEqualTo("ballast");
        assertThat(brokers(awaitSeries(api, "ballast_broker_bytes_in_per_second", 3)))
            .containsExactly("0", "1", "2");
        assertThat(
                brokers(
                    awaitSeries(
                        api, "ballast_broker_canary_latency_seconds{quantile=\"0.99\"}", 3)))
            .containsExactly("0", "1", "2");
        awaitSeries(api, "ballast_balance_score_ratio", 1);
        awaitSeries(api, "jvm_memory_used_bytes{area=\"heap\"}", 1);

        // a short balance: approve the proposed plan and let it run; Prometheus sees it happen
        LiveApi ballastApi = new LiveApi(ballast, live.server().token());
        long proposal =
            await("a plan waiting for approval (balancer errors: " + live.errors() + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                    () -> ballastApi.get("api/plan"),
                    p -> p.has("proposalId") && !p.path("proposalId").isNull())
                .path("proposalId")
                .asLong();
        assertThat(ballastApi.post("api/approve", "{\"plan\":" + proposal + "}").statusCode())
            .isEqualTo(202);
        awaitSeries(api, "ballast_executions_total{outcome=\"done\"} == 1", 1);
        awaitSeries(api, "ballast_executor_moved_bytes_total > 0", 1);
        // the dashboard's annotation query for plans finds the execution
        awaitSeries(api, "changes(ballast_plans_total{outcome=\"executed\"}[1m]) > 0", 1);

        for (String q : GrafanaDashboardTest.queries(GrafanaDashboardTest.read())) {
          String promql =
              q.replace("$instance", ".*")
                  .replace("$__rate_interval", "1m")
                  .replace("$__range", "5m");
          JsonNode answer = query(api, promql);
          assertThat(answer.path("status").asText())
              .as(promql + ": " + answer)
              .isEqualTo("success");
        }
      } finally {
        prometheus.destroy();
        if (!prometheus.waitFor(15, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
      assertThat(prometheus.isAlive()).isFalse();
    }
  }

  private static JsonNode awaitSeries(LiveApi api, String promql, int count) {
    return await(promql + " in Prometheus")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> query(api, promql).at("/data/result"), r -> r.size() >= count);
  }

  private static JsonNode query(LiveApi api, String promql) {
    return LiveApi.parse(
        api.text("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
  }

  private static List<String> brokers(JsonNode result) {
    TreeSet<String> ids = new TreeSet<>();
    result.forEach(r -> ids.add(r.at("/metric/broker").asText()));
    return List.copyOf(ids);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Returns the executable {@code name} on the PATH, or null. */
  static Path onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
      return dirs.filter(d -> !d.isEmpty())
          .map(d -> Path.of(d, name))
          .filter(Files::isExecutable)
          .min(Comparator.naturalOrder())
          .orElse(null);
    }
  }
}
