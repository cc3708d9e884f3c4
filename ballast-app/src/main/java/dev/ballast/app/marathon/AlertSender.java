package dev.ballast.app.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Delivers alerts: to Alertmanager's API v2, or to a webhook in Alertmanager's webhook shape. */
interface AlertSender {

  /** Sends {@code alerts} (firing and resolved); throws {@link IOException} when delivery fails. */
  void send(List<Alert> alerts) throws IOException;

  /** Returns where it sends, for messages. */
  String target();

  /** Returns a sender to Alertmanager at {@code base} ({@code POST base/api/v2/alerts}). */
  static AlertSender alertmanager(URI base) {
    URI uri =
        base.resolve(
            base.getPath().endsWith("/") ? "api/v2/alerts" : base.getPath() + "/api/v2/alerts");
    return new Http(uri, alerts -> alerts.stream().map(Alert::toApiV2).toList());
  }

  /** Returns a sender that POSTs Alertmanager's webhook payload to {@code url}. */
  static AlertSender webhook(URI url) {
    return new Http(url, AlertSender::webhookPayload);
  }

  /** Returns the body Alertmanager itself POSTs to a webhook receiver (version 4). */
  static Map<String, Object> webhookPayload(List<Alert> alerts) {
    boolean firing = alerts.stream().anyMatch(a -> !a.resolved());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Alert a : alerts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", a.resolved() ? "resolved" : "firing");
      m.put("labels", a.labels());
      m.put("annotations", a.annotations());
      m.put("startsAt", a.startsAt().toString());
      m.put("endsAt", a.resolved() ? a.endsAt().toString() : "0001-01-01T00:00:00Z");
      m.put("generatorURL", "");
      m.put("fingerprint", Integer.toHexString(a.labels().hashCode()));
      list.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "4");
    body.put("groupKey", "{}:{alertname=\"BallastMarathon\"}");
    body.put("truncatedAlerts", 0);
    body.put("status", firing ? "firing" : "resolved");
    body.put("receiver", "ballast");
    body.put("groupLabels", Map.of());
    body.put("commonLabels", Map.of());
    body.put("commonAnnotations", Map.of());
    body.put("externalURL", "");
    body.put("alerts", list);
    return body;
  }

  /** A JSON POST with a short timeout. */
  final class Http implements AlertSender {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final URI uri;
    private final java.util.function.Function<List<Alert>, Object> body;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Http(URI uri, java.util.function.Function<List<Alert>, Object> body) {
      this.uri = uri;
      this.body = body;
    }

    @Override
    public void send(List<Alert> alerts) throws IOException {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body.apply(alerts))))
              .build();
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (response.statusCode() / 100 != 2) {
        throw new IOException(
            "HTTP " + response.statusCode() + " from " + uri + ": " + response.body().strip());
      }
    }

    @Override
    public String target() {
      return uri.toString();
    }
  }
}
