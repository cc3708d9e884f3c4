package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in Debian's headless Chromium, against a balancer in approval mode on a real
 * embedded cluster: brokers and the proposed plan are shown, the approve button executes the plan.
 * Screenshots go to {@code target/dashboard/}. Skipped when chromium or chromedriver is missing.
 */
class DashboardBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "dashboard");

  @TempDir Path dir;

  @Test
  void showsBrokersAndPlanAndApproves() throws Exception {
    Path chromium = onPath("chromium");
    Path chromedriver = onPath("chromedriver");
    assumeTrue(
        chromium != null && chromedriver != null,
        "chromium or chromedriver is not installed (apt-get install chromium chromium-driver):"
            + " skipping the browser test");
    try (LiveBalancer live = LiveBalancer.start();
        WebDriverClient browser = WebDriverClient.start(chromedriver, chromium, dir)) {
      LiveApi api = new LiveApi(live.server().url(), live.server().token());
      await("a plan waiting for approval (balancer errors: " + live.errors() + ")")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> api.get("api/plan").path("status").asText().equals("awaiting-approval"));

      browser.open(live.server().dashboardUrl());
      await("brokers and an approvable plan on the page")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  browser.script("return document.querySelectorAll('.broker').length").asInt() == 3
                      && browser
                          .script("return document.getElementById('approve').disabled")
                          .asText()
                          .equals("false"));

      JsonNode brokers =
          browser.script(
              "return Array.from(document.querySelectorAll('.broker h3'))"
                  + ".map(function (h) { return h.textContent; })");
      assertThat(brokers.toString()).contains("Broker 0", "Broker 1", "Broker 2");
      assertThat(
              browser
                  .script(
                      "return document.querySelector('.broker[data-broker=\"0\"]')"
                          + ".querySelectorAll('.chip').length")
                  .asInt())
          .isEqualTo(4);
      String rows =
          browser.script("return document.querySelector('#plan-actions tbody').innerText").asText();
      assertThat(rows).contains("skewed-");
      assertThat(
              browser.script("return document.getElementById('plan-status').textContent").asText())
          .isEqualTo("awaiting-approval");
      // the token came in the URL's fragment, and the page dropped it from the address bar
      assertThat(browser.script("return window.location.hash").asText()).isEmpty();
      browser.screenshot(SCREENSHOTS.resolve("dashboard-proposed.png"));

      browser.click("#approve");
      await("the page shows the approved plan executing or executed")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  browser
                      .script("return document.getElementById('plan-status').textContent")
                      .asText()
                      .matches("executing|executed"));
      await("the execution is done")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> api.get("api/execution").path("phase").asText().equals("done"));
      await("the page shows the execution done")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  browser
                      .script("return document.getElementById('execution-text').textContent")
                      .asText()
                      .startsWith("done"));
      assertThat(api.get("api/state").path("events").findValuesAsText("text"))
          .anyMatch(t -> t.contains("approved through the API"));
      browser.screenshot(SCREENSHOTS.resolve("dashboard-approved.png"));
      assertThat(Files.size(SCREENSHOTS.resolve("dashboard-approved.png"))).isGreaterThan(10_000);

      // what bin/ballast demo uses for its results folder: chromium --headless --screenshot
      Path png = SCREENSHOTS.resolve("dashboard-cli.png");
      DashboardScreenshot.capture(live.server().url(), png, Duration.ofSeconds(5));
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
      assertThat(head).startsWith(0x89, 'P', 'N', 'G');
      assertThat(Files.size(png)).isGreaterThan(10_000);
    }
  }

  /** Returns the executable {@code name} on the PATH, or null. */
  static Path onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
      return dirs.filter(d -> !d.isEmpty())
          .map(d -> Path.of(d, name))
          .filter(Files::isExecutable)
          .findFirst()
          .orElse(null);
    }
  }
}
