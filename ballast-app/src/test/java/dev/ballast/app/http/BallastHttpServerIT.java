package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.kafka.exec.ExecutorSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/**
 * The JSON API over a balancer in approval mode on a real embedded cluster: the skewed placement is
 * shown, a plan waits for approval, approving it with the token executes it, and the cluster's
 * placement changes.
 */
class BallastHttpServerIT {

  @Test
  void proposedPlanRunsOnlyOnceApproved() throws Exception {
    try (LiveBalancer live = LiveBalancer.start()) {
      LiveApi api = new LiveApi(live.server().url(), live.server().token());

      JsonNode plan =
          await("a plan waiting for approval (balancer errors: " + live.errors() + ")")
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> api.get("api/plan"),
                  p -> p.path("status").asText().equals("awaiting-approval"));
      assertThat(plan.path("actions").size()).isPositive();
      assertThat(plan.path("actions").get(0).path("reason").asText()).isNotEmpty();
      assertThat(plan.path("actions").get(0).path("detail").asText()).isNotEmpty();
      long proposal = plan.path("proposalId").asLong();

      JsonNode brokers = api.get("api/brokers");
      assertThat(brokers.path("loadReady").asBoolean()).isTrue();
      assertThat(brokers.path("brokers").findValuesAsText("id")).containsExactly("0", "1", "2");
      assertThat(brokers.path("brokers").get(0).path("partitions").asInt()).isEqualTo(4);
      assertThat(brokers.path("brokers").get(0).path("bytesInPerSecond").asDouble()).isPositive();
      assertThat(brokers.path("brokers").get(0).path("replicas").findValuesAsText("partition"))
          .contains("skewed-0", "skewed-3");

      JsonNode state = api.get("api/state");
      assertThat(state.path("mode").asText()).isEqualTo("approval");
      assertThat(state.path("anomalies").findValuesAsText("kind")).contains("imbalance");
      assertThat(state.path("history").size()).isPositive();

      // nothing has moved while the plan waits
      assertThat(placement(live).get(0)).isEqualTo(4);

      HttpResponse<String> stale = api.post("api/approve", "{\"plan\":" + (proposal + 1000) + "}");
      assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);

      HttpResponse<String> approved = api.post("api/approve", "{\"plan\":" + proposal + "}");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);

      JsonNode execution =
          await("the approved plan executed (balancer errors: " + live.errors() + ")")
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> api.get("api/execution"),
                  e -> e.path("phase").asText().equals("done") && !e.path("running").asBoolean());
      assertThat(execution.path("done").asInt()).isPositive();
      assertThat(api.get("api/plan").path("status").asText()).isEqualTo("executed");
      assertThat(placement(live).get(0)).isLessThan(4);

      String metrics = api.text("metrics");
      assertThat(metrics)
          .contains("ballast_plans_total{outcome=\"executed\"} 1.0")
          .contains("ballast_executions_total{outcome=\"done\"} 1.0")
          .containsPattern("ballast_broker_partitions\\{broker=\"0\",rack=\"\"\\} \\d")
          .containsPattern(
              "ballast_broker_canary_latency_seconds\\{broker=\"2\",quantile=\"0.99\"");
      assertThat(api.get("api/state").path("events").findValuesAsText("text"))
          .anyMatch(t -> t.contains("approved through the API"));
    }
  }

  @Test
  void cancellingAnExecutionRevertsItsMoves() throws Exception {
    // a 20 kB/s throttle against 100 kB/s produced per partition: the moves cannot finish
    try (LiveBalancer live =
        LiveBalancer.start(s -> s.withExecutor(ExecutorSettings.defaults().withThrottle(20_000)))) {
      LiveApi api = new LiveApi(live.server().url(), live.server().token());
      JsonNode plan =
          await("a plan waiting for approval (balancer errors: " + live.errors() + ")")
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> api.get("api/plan"),
                  p -> p.path("status").asText().equals("awaiting-approval"));
      HttpResponse<String> approved =
          api.post("api/approve", "{\"plan\":" + plan.path("proposalId").asLong() + "}");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
      await("moves in flight")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> api.get("api/execution").path("inFlight").asInt() > 0);

      HttpResponse<String> busy = api.post("api/approve", "{\"plan\":1}");
      assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
      HttpResponse<String> cancel = api.post("api/cancel", "");
      assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

      JsonNode execution =
          await("the execution cancelled (balancer errors: " + live.errors() + ")")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(250))
              .until(
                  () -> api.get("api/execution"),
                  e -> e.path("phase").asText().equals("cancelled"));
      assertThat(execution.path("running").asBoolean()).isFalse();
      // A move may have finished before the cancel reached it (a small partition copied before
      // its throttle applied); it stays moved. Every move still in flight is reverted: broker 0
      // gets back one replica per move that had not finished.
      int finished = execution.path("done").asInt();
      assertThat(finished).as(execution.toString()).isLessThan(execution.path("total").asInt());
      assertThat(execution.path("notes").toString()).contains("in-flight move(s) reverted");
      await("the moves reverted (" + execution + ")")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> placement(live).get(0) == 4 - finished);
      assertThat(api.text("metrics"))
          .contains("ballast_executions_total{outcome=\"cancelled\"} 1.0")
          .contains("ballast_executor_state{state=\"cancelled\"} 1.0");
      assertThat(api.get("api/state").path("events").findValuesAsText("text"))
          .anyMatch(t -> t.contains("execution cancelled through the API"));
    }
  }

  private static Map<Integer, Integer> placement(LiveBalancer live) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, live.cluster().bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      TopicDescription d =
          admin
              .describeTopics(List.of(LiveBalancer.TOPIC))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(LiveBalancer.TOPIC);
      Map<Integer, Integer> count = new HashMap<>();
      d.partitions()
          .forEach(tp -> tp.replicas().forEach(n -> count.merge(n.id(), 1, Integer::sum)));
      return count;
    }
  }
}
