package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.http.BallastHttpServer;
import dev.ballast.app.http.HttpSettings;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.Verdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The marathon on the dashboard's server ({@code marathon --http-port}): its metrics, {@code GET
 * /api/marathon}, and the dashboard page with its marathon section; no balancer runs in the
 * process, and the balancer's endpoints say so.
 */
class MarathonDashboardTest {

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesMetricsTheMarathonApiAndTheDashboardWithItsMarathonSection() throws Exception {
    MarathonMetrics metrics = new MarathonMetrics();
    Alert firing =
        new Alert(
            Map.of("severity", "critical", "task", "chaos", "checker", "continuity"),
            Map.of("summary", "chaos FAIL: 3 lost"),
            Instant.parse("2026-01-01T00:00:00Z"),
            null);
    MarathonState state = new MarathonState(() -> List.of(firing));
    MarathonListener both = MarathonListener.all(List.of(metrics, state));
    try (BallastHttpServer server =
        BallastHttpServer.start(
            new HttpSettings(HttpSettings.LOOPBACK, 0, null),
            null,
            new MarathonView(metrics, state),
            System::currentTimeMillis)) {
      both.taskStarted(1, "chaos", "chaos");
      both.taskEnded(
          AlertsTest.result("chaos", 1, AlertsTest.LOST, Verdict.pass("leader", "ok", "")));
      both.taskStarted(2, "chaos", "chaos");
      both.phase("chaos", TaskPhase.WORKLOAD);

      String scrape = get(server.url().resolve("metrics")).body();
      assertThat(scrape)
          .contains(
              "ballast_marathon_task_runs_total{outcome=\"FAIL\",task=\"chaos\"} 1.0",
              "ballast_marathon_checker_failures_total{checker=\"continuity\",severity=\"critical\"} 1.0",
              "ballast_marathon_current_task_info{phase=\"workload\",task=\"chaos\"} 1.0",
              "ballast_marathon_round 2.0",
              "ballast_marathon_task_last_passed{task=\"chaos\"} 0.0");
      assertThat(scrape).doesNotContain("checker=\"leader\"");

      JsonNode api = new ObjectMapper().readTree(get(server.url().resolve("api/marathon")).body());
      assertThat(api.path("running").asBoolean()).isTrue();
      assertThat(api.path("round").asInt()).isEqualTo(2);
      assertThat(api.path("task").asText()).isEqualTo("chaos");
      assertThat(api.path("phase").asText()).isEqualTo("workload");
      assertThat(api.at("/recent/0/outcome").asText()).isEqualTo("FAIL");
      assertThat(api.at("/recent/0/verdicts/0/summary").asText()).isEqualTo("3 lost");
      assertThat(api.at("/alerts/0/summary").asText()).isEqualTo("chaos FAIL: 3 lost");

      both.phase("chaos", null);
      assertThat(get(server.url().resolve("metrics")).body()).doesNotContain("current_task_info{");
      assertThat(get(server.url()).body())
          .contains("<title>Ballast</title>", "id=\"marathon-section\"", "api/marathon");
      assertThat(get(server.url().resolve("app.js")).body()).contains("api/marathon");
      assertThat(get(server.url().resolve("api/state")).body()).contains("\"balancer\":false");
      HttpResponse<String> plan = get(server.url().resolve("api/plan"));
      assertThat(plan.statusCode()).isEqualTo(404);
      assertThat(plan.body()).contains("no balancer runs in this process");
      assertThat(get(server.url().resolve("nope")).statusCode()).isEqualTo(404);
    }
  }
}
