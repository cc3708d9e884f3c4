package dev.ballast.app.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.metrics.BallastMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Routes every request of the server: the dashboard's files, {@code /metrics}, and the JSON API of
 * the balancer and of the marathon (either may be absent: its endpoints then say so). Mutating
 * endpoints take POST with the token; when bound to loopback, requests must name a loopback host
 * (no DNS rebinding).
 */
final class ApiHandler implements HttpHandler {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
  private static final int MAX_BODY = 4096;
  private static final Set<String> BALANCER_PATHS =
      Set.of(
          "/api/state",
          "/api/brokers",
          "/api/plan",
          "/api/execution",
          "/api/history",
          "/api/approve",
          "/api/cancel");
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/style.css", "style.css");

  private final BalancerService service;
  private final BallastMetrics metrics;
  private final DashboardState dashboard;
  private final MarathonFeed marathon;
  private final byte[] token;
  private final boolean loopbackOnly;
  private final LongSupplier wallMillis;

  ApiHandler(
      BalancerService service,
      BallastMetrics metrics,
      DashboardState dashboard,
      MarathonFeed marathon,
      String token,
      boolean loopbackOnly,
      LongSupplier wallMillis) {
    if (service != null) {
      requireNonNull(metrics, "metrics");
      requireNonNull(dashboard, "dashboard");
    }
    this.service = service;
    this.metrics = metrics;
    this.dashboard = dashboard;
    this.marathon = marathon;
    this.token = requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
    this.loopbackOnly = loopbackOnly;
    this.wallMillis = requireNonNull(wallMillis, "wallMillis");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (loopbackOnly && !BallastHttpServer.loopbackHost(exchange)) {
        error(exchange, 403, "this server answers only requests for 127.0.0.1 or localhost");
        return;
      }
      route(exchange);
    } catch (RuntimeException e) {
      error(exchange, 500, String.valueOf(e.getMessage()));
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    long now = wallMillis.getAsLong();
    if (service == null && BALANCER_PATHS.contains(path)) {
      noBalancer(exchange, path, now);
      return;
    }
    switch (path) {
      case "/metrics" -> {
        if (allow(exchange, "GET")) {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          if (metrics != null) {
            metrics.writeTo(body);
          }
          if (marathon != null) {
            marathon.writeMetrics(body);
          }
          send(exchange, 200, BallastMetrics.CONTENT_TYPE, body.toByteArray());
        }
      }
      case "/api/marathon" -> {
        if (allow(exchange, "GET")) {
          json(exchange, 200, marathonView());
        }
      }
      case "/api/state" -> {
        if (allow(exchange, "GET")) {
          json(exchange, 200, ApiViews.state(service, dashboard, now));
        }
      }
      case "/api/brokers" -> {
        if (allow(exchange, "GET")) {
          json(exchange, 200, ApiViews.brokers(service, dashboard, now));
        }
      }
      case "/api/plan" -> {
        if (allow(exchange, "GET")) {
          json(exchange, 200, ApiViews.plan(service, dashboard));
        }
      }
      case "/api/execution" -> {
        if (allow(exchange, "GET")) {
          json(exchange, 200, ApiViews.execution(service, dashboard));
        }
      }
      case "/api/history" -> {
        if (allow(exchange, "GET")) {
          json(exchange, 200, Map.of("points", dashboard.history()));
        }
      }
      case "/api/approve" -> {
        if (allow(exchange, "POST") && authorized(exchange)) {
          approve(exchange);
        }
      }
      case "/api/cancel" -> {
        if (allow(exchange, "POST") && authorized(exchange)) {
          cancel(exchange);
        }
      }
      default -> {
        String file = FILES.get(path);
        if (file == null) {
          error(exchange, 404, "no such page: " + path + " (see docs/API.md)");
        } else if (allow(exchange, "GET")) {
          resource(exchange, file);
        }
      }
    }
  }

  /** Answers a balancer endpoint on a server that serves only a marathon. */
  private void noBalancer(HttpExchange exchange, String path, long now) throws IOException {
    if (path.equals("/api/state") && allow(exchange, "GET")) {
      // The dashboard polls this: it hides the balancer's sections and shows the marathon's.
      json(exchange, 200, Map.of("balancer", false, "time", now));
    } else if (!path.equals("/api/state")) {
      error(
          exchange,
          404,
          "no balancer runs in this process (a marathon does: GET /api/marathon); "
              + path
              + " is served by `ballast serve`");
    }
  }

  /** Returns {@code GET /api/marathon}: the marathon's view, or that none runs. */
  private Map<String, Object> marathonView() {
    Map<String, Object> view = new LinkedHashMap<>();
    if (marathon == null) {
      view.put("running", false);
      view.put("message", "no marathon running");
      return view;
    }
    view.put("running", true);
    view.putAll(marathon.view());
    return view;
  }

  private void approve(HttpExchange exchange) throws IOException {
    JsonNode body = body(exchange);
    if (body == null || !body.path("plan").canConvertToLong()) {
      error(
          exchange,
          400,
          "name the plan you approve: {\"plan\": N}, with N the proposalId of GET /api/plan");
      return;
    }
    long id = body.path("plan").asLong();
    BalancerService.Approval result = service.approve(id);
    switch (result) {
      case APPROVED -> {
        dashboard.userAction("plan " + id + " approved through the API");
        json(
            exchange,
            202,
            Map.of(
                "result", "approved", "plan", id, "message", "the plan starts at the next step"));
      }
      case NO_PROPOSAL -> error(exchange, 409, "no plan is waiting for approval");
      case STALE ->
          error(
              exchange,
              409,
              "plan "
                  + id
                  + " is no longer proposed; review the current plan (GET /api/plan) and approve"
                  + " its proposalId");
      case BUSY -> error(exchange, 409, "an execution is in progress already");
    }
  }

  private void cancel(HttpExchange exchange) throws IOException {
    if (service.cancelExecution()) {
      dashboard.userAction("execution cancelled through the API");
      json(
          exchange,
          202,
          Map.of(
              "result",
              "cancelling",
              "message",
              "in-flight moves are reverted and the throttle removed at the next step"));
    } else {
      error(exchange, 409, "nothing is executing");
    }
  }

  private boolean allow(HttpExchange exchange, String method) throws IOException {
    if (exchange.getRequestMethod().equals(method)
        || (method.equals("GET") && exchange.getRequestMethod().equals("HEAD"))) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    error(exchange, 405, exchange.getRequestMethod() + " is not allowed here; use " + method);
    return false;
  }

  private boolean authorized(HttpExchange exchange) throws IOException {
    String given = exchange.getRequestHeaders().getFirst("X-Ballast-Token");
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (given == null && auth != null && auth.startsWith("Bearer ")) {
      given = auth.substring("Bearer ".length()).trim();
    }
    if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
    error(
        exchange,
        401,
        given == null
            ? "this endpoint needs the token printed at start (header Authorization: Bearer TOKEN)"
            : "wrong token: use the one printed at start (or given with --http-token)");
    return false;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length == 0 || bytes.length > MAX_BODY) {
        return null;
      }
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        return null;
      }
    }
  }

  private static void resource(HttpExchange exchange, String file) throws IOException {
    try (InputStream in = ApiHandler.class.getResourceAsStream(file)) {
      if (in == null) {
        error(exchange, 500, "the dashboard's " + file + " is missing from the distribution");
        return;
      }
      String type =
          file.endsWith(".html")
              ? "text/html; charset=utf-8"
              : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      exchange
          .getResponseHeaders()
          .set(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      send(exchange, 200, type, in.readAllBytes());
    }
  }

  private static void json(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(value));
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, Map.of("error", message));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
