package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.RunEnd;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AlertsTest {

  private long now;
  private Instant wall = Instant.parse("2026-01-01T00:00:00Z");
  private final List<List<Alert>> sent = new ArrayList<>();
  private final List<String> log = new ArrayList<>();

  private final AlertSender recording =
      new AlertSender() {
        @Override
        public void send(List<Alert> alerts) {
          sent.add(alerts);
        }

        @Override
        public String target() {
          return "recording";
        }
      };

  private Alerts alerts(AlertSender... senders) {
    return new Alerts("embedded", List.of(senders), () -> now, () -> wall, log::add);
  }

  static TaskResult result(String task, int round, Verdict... verdicts) {
    RecordedRun run =
        new RecordedRun(
            task, "t", round, RunEnd.COMPLETED, "", List.of(), Map.of(), List.of(), List.of());
    return new TaskResult(
        run, List.of(verdicts), TaskResult.outcomeOf(List.of(verdicts)), Path.of("x"));
  }

  static final Verdict LOST = Verdict.fail("continuity", Severity.CRITICAL, "3 lost", "p0: 3");
  static final Verdict OK = Verdict.pass("continuity", "fine", "");

  @Test
  void aFailingVerdictFiresWithTheLabelsAndResolvesWhenTheTaskPassesAgain() {
    Alerts a = alerts(recording);
    a.taskEnded(result("chaos", 1, LOST, Verdict.pass("leader", "ok", "")));

    assertThat(sent).hasSize(1);
    Alert fired = sent.get(0).get(0);
    assertThat(fired.labels())
        .containsExactly(
            Map.entry("alertname", "BallastMarathonCheck"),
            Map.entry("severity", "critical"),
            Map.entry("cluster", "embedded"),
            Map.entry("task", "chaos"),
            Map.entry("checker", "continuity"));
    assertThat(fired.annotations().get("summary")).isEqualTo("chaos FAIL: 3 lost");
    assertThat(fired.annotations().get("description"))
        .isEqualTo("round 1, checker continuity: p0: 3");
    assertThat(fired.startsAt()).isEqualTo(wall);
    assertThat(fired.resolved()).isFalse();

    a.taskEnded(result("other", 1, OK));
    assertThat(sent).as("another task's pass resolves nothing").hasSize(1);

    wall = wall.plusSeconds(600);
    a.taskEnded(result("chaos", 2, OK));
    Alert resolved = sent.get(1).get(0);
    assertThat(resolved.endsAt()).isEqualTo(wall);
    assertThat(resolved.startsAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(a.active()).isEmpty();
  }

  @Test
  void anActiveAlertIsResentKeepingItsStartUntilResolved() {
    Alerts a = alerts(recording);
    a.taskEnded(result("chaos", 1, LOST));
    now += Alerts.RESEND.toNanos() / 2;
    a.tick();
    assertThat(sent).hasSize(1);
    now += Alerts.RESEND.toNanos();
    a.tick();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).get(0).startsAt()).isEqualTo(sent.get(0).get(0).startsAt());
    wall = wall.plusSeconds(60);
    a.taskEnded(result("chaos", 2, LOST));
    assertThat(sent.get(2).get(0).startsAt())
        .as("still the same alert")
        .isEqualTo(sent.get(0).get(0).startsAt());
  }

  @Test
  void aPassFiresNothingAndAnUnreachableReceiverIsLoggedOnceNotThrown() {
    Alerts a =
        alerts(
            new AlertSender() {
              @Override
              public void send(List<Alert> alerts) throws java.io.IOException {
                throw new java.io.IOException("connection refused");
              }

              @Override
              public String target() {
                return "http://127.0.0.1:1";
              }
            });
    a.taskEnded(result("t", 1, OK));
    assertThat(log).isEmpty();
    a.taskEnded(result("t", 2, LOST));
    now += Alerts.RESEND.toNanos();
    a.tick();
    assertThat(log)
        .containsExactly(
            "alerts: cannot deliver to http://127.0.0.1:1: connection refused (will retry)");
  }

  @Test
  void theWebhookGetsAlertmanagersWebhookShape() throws Exception {
    List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          bodies.add(
              new ObjectMapper()
                  .readTree(
                      new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    server.start();
    try {
      Alerts a =
          alerts(
              AlertSender.webhook(
                  URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook")));
      a.taskEnded(
          result(
              "catch-up-read",
              1,
              Verdict.fail("catch-up-deadline", Severity.ERROR, "late", "301 s")));
      a.taskEnded(result("catch-up-read", 2, Verdict.pass("catch-up-deadline", "ok", "")));
    } finally {
      server.stop(0);
    }
    assertThat(bodies).hasSize(2);
    JsonNode firing = bodies.get(0);
    assertThat(firing.path("version").asText()).isEqualTo("4");
    assertThat(firing.path("status").asText()).isEqualTo("firing");
    assertThat(firing.at("/alerts/0/status").asText()).isEqualTo("firing");
    assertThat(firing.at("/alerts/0/labels/severity").asText()).isEqualTo("error");
    assertThat(firing.at("/alerts/0/labels/checker").asText()).isEqualTo("catch-up-deadline");
    assertThat(bodies.get(1).path("status").asText()).isEqualTo("resolved");
    assertThat(bodies.get(1).at("/alerts/0/endsAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(Outcome.FAIL).isNotNull();
  }
}
