package dev.ballast.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives Debian's headless Chromium through chromedriver's W3C WebDriver HTTP API (no Selenium, no
 * browser download). Close ends the session and stops chromedriver, which stops Chromium.
 */
final class WebDriverClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process driver;
  private final URI base;
  private String session;

  private WebDriverClient(Process driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** Starts chromedriver on a free loopback port and a headless Chromium session. */
  static WebDriverClient start(Path chromedriver, Path chromium, Path workDir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process driver =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("chromedriver.log").toFile())
            .start();
    WebDriverClient client =
        new WebDriverClient(driver, URI.create("http://127.0.0.1:" + port + "/"));
    try {
      client.awaitReady();
      Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
      Map<String, Object> options =
          Map.of(
              "binary",
              chromium.toString(),
              "args",
              List.of(
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-dev-shm-usage",
                  "--window-size=1440,1200",
                  "--user-data-dir=" + profile));
      JsonNode created =
          client.call(
              "POST",
              "session",
              Map.of(
                  "capabilities",
                  Map.of(
                      "alwaysMatch",
                      Map.of("browserName", "chrome", "goog:chromeOptions", options))));
      client.session = created.at("/value/sessionId").asText();
      return client;
    } catch (Exception | Error e) {
      client.close();
      throw e;
    }
  }

  private void awaitReady() {
    org.awaitility.Awaitility.await("chromedriver ready")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
              }
              return call("GET", "status", null).at("/value/ready").asBoolean();
            });
  }

  /** Opens {@code url}. */
  void open(URI url) {
    call("POST", "session/" + session + "/url", Map.of("url", url.toString()));
  }

  /** Runs {@code script} in the page and returns its value. */
  JsonNode script(String script) {
    return call(
            "POST",
            "session/" + session + "/execute/sync",
            Map.of("script", script, "args", List.of()))
        .path("value");
  }

  /** Clicks the element {@code css} selects. */
  void click(String css) {
    String id =
        call(
                "POST",
                "session/" + session + "/element",
                Map.of("using", "css selector", "value", css))
            .path("value")
            .elements()
            .next()
            .asText();
    call("POST", "session/" + session + "/element/" + id + "/click", Map.of());
  }

  /** Saves a PNG screenshot of the page to {@code file}. */
  void screenshot(Path file) throws IOException {
    String png = call("GET", "session/" + session + "/screenshot", null).path("value").asText();
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(png));
  }

  private JsonNode call(String method, String path, Object body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "WebDriver " + method + " " + path + ": " + r.statusCode() + " " + json.path("value"));
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      if (session != null) {
        call("DELETE", "session/" + session, null);
      }
    } catch (RuntimeException e) {
      // chromedriver is stopped below either way, and Chromium with it
    } finally {
      driver.descendants().forEach(ProcessHandle::destroy); // Chromium, should it still run
      driver.destroy();
      if (!driver.waitFor(10, TimeUnit.SECONDS)) {
        driver.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
