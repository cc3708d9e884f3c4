package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.balance.BalancerSettings;
import dev.ballast.kafka.ClientSettings;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's HTTP behaviour without a cluster: the service is never stepped, so it knows nothing
 * yet (its Admin client points at a port nobody listens on and is never called).
 */
class BallastHttpServerTest {

  private static final String TOKEN = "s3cret-token";
  private final HttpClient http = HttpClient.newHttpClient();
  private Admin admin;
  private BalancerService service;
  private BallastHttpServer server;

  @BeforeEach
  void start() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    admin = Admin.create(p);
    BalancerSettings settings =
        BalancerSettings.defaults().withCanary(false, Duration.ofSeconds(2)).withDryRun(true);
    service =
        new BalancerService(
            admin,
            ClientSettings.of("127.0.0.1:1"),
            settings,
            System::nanoTime,
            new BalancerListener() {});
    server = BallastHttpServer.start("127.0.0.1", 0, TOKEN, service);
  }

  @AfterEach
  void stop() {
    server.close();
    service.close();
    admin.close(Duration.ZERO);
  }

  @Test
  void listensOnLoopbackAndPutsTheTokenInTheDashboardUrl() {
    assertThat(server.url().toString()).startsWith("http://127.0.0.1:").endsWith("/");
    assertThat(server.dashboardUrl().toString()).isEqualTo(server.url() + "#token=" + TOKEN);
    assertThat(server.token()).isEqualTo(TOKEN);
  }

  @Test
  void generatesARandomTokenWhenNoneIsGiven() {
    try (BallastHttpServer other = BallastHttpServer.start("127.0.0.1", 0, null, service)) {
      assertThat(other.token()).matches("[0-9a-f]{32}").isNotEqualTo(TOKEN);
    }
  }

  @Test
  void servesTheDashboardFiles() throws Exception {
    HttpResponse<String> index = get("");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(index.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(index.body()).contains("<title>Ballast</title>", "app.js", "id=\"approve\"");
    assertThat(get("app.js").body()).contains("api/state", "api/approve");
    assertThat(get("style.css").body()).contains("@media");
  }

  @Test
  void theMarathonSectionSaysNoMarathonRunsWhenNoneDoes() throws Exception {
    HttpResponse<String> marathon = get("api/marathon");
    assertThat(marathon.statusCode()).isEqualTo(200);
    assertThat(marathon.body())
        .isEqualTo("{\"running\":false,\"message\":\"no marathon running\"}");
    assertThat(get("").body()).contains("id=\"marathon-section\"", "no marathon running");
    assertThat(get("app.js").body()).contains("api/marathon");
  }

  @Test
  void aServerWithNeitherBalancerNorMarathonIsRefused() {
    assertThatThrownBy(
            () ->
                BallastHttpServer.start(
                    new HttpSettings(HttpSettings.LOOPBACK, 0, null), null, null, () -> 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("balancer service, a marathon, or both");
  }

  @Test
  void servesPrometheusMetrics() throws Exception {
    HttpResponse<String> metrics = get("metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("# TYPE ballast_plans_total counter")
        .contains("ballast_executor_state{state=\"idle\"} 1.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void stateBeforeTheFirstSampleIsEmptyButComplete() throws Exception {
    HttpResponse<String> state = get("api/state");
    assertThat(state.statusCode()).isEqualTo(200);
    assertThat(state.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(state.body())
        .contains("\"mode\":\"approval\"")
        .contains("\"brokers\":[]")
        .contains("\"status\":\"none\"")
        .contains("\"phase\":\"idle\"")
        .contains("\"lastSampleTime\":-1");
    assertThat(get("api/brokers").body()).contains("\"loadReady\":false");
    assertThat(get("api/plan").body()).contains("\"status\":\"none\"");
    assertThat(get("api/execution").body()).contains("\"running\":false");
    assertThat(get("api/history").body()).isEqualTo("{\"points\":[]}");
  }

  @Test
  void approveAndCancelNeedTheToken() throws Exception {
    assertThat(post("api/approve", "{\"plan\":1}", null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = post("api/approve", "{\"plan\":1}", "wrong-token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("wrong token");
    assertThat(post("api/cancel", "", null).statusCode()).isEqualTo(401);
  }

  @Test
  void approveWithTheTokenSaysWhatIsWrong() throws Exception {
    HttpResponse<String> noBody = post("api/approve", "", TOKEN);
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(noBody.body()).contains("{\\\"plan\\\": N}");
    HttpResponse<String> nothing = post("api/approve", "{\"plan\":1}", TOKEN);
    assertThat(nothing.statusCode()).isEqualTo(409);
    assertThat(nothing.body()).contains("no plan is waiting for approval");
    HttpResponse<String> cancel = post("api/cancel", "", TOKEN);
    assertThat(cancel.statusCode()).isEqualTo(409);
    assertThat(cancel.body()).contains("nothing is executing");
  }

  @Test
  void wrongMethodsAndUnknownPathsAreRefused() throws Exception {
    HttpResponse<String> getApprove = get("api/approve");
    assertThat(getApprove.statusCode()).isEqualTo(405);
    assertThat(getApprove.headers().firstValue("Allow")).hasValue("POST");
    assertThat(post("api/state", "{}", TOKEN).statusCode()).isEqualTo(405);
    HttpResponse<String> missing = get("api/nothing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("docs/API.md");
  }

  @Test
  void requestsForAnotherHostAreRefused() throws IOException {
    // a DNS-rebinding page would send its own host name; java.net.http will not forge Host
    try (Socket s = new Socket("127.0.0.1", server.url().getPort())) {
      s.getOutputStream()
          .write(
              "GET /api/state HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void bindingAnAddressInUseIsAUserMistake() {
    int port = server.url().getPort();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BallastHttpServer.start("127.0.0.1", port, TOKEN, service))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choose another --http-port");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(server.url().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.url().resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
