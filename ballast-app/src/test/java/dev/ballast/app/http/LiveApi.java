package dev.ballast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of the Ballast HTTP API for integration tests. */
public final class LiveApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  /** Creates a client of the server at {@code base} using {@code token}. */
  public LiveApi(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Returns the JSON document at {@code path}. */
  public JsonNode get(String path) {
    return parse(text(path));
  }

  /** Returns the body at {@code path} as text. */
  public String text(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET()).body();
  }

  /** Posts {@code body} with the token to {@code path}. */
  public HttpResponse<String> post(String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Parses {@code text} as JSON. */
  public static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
