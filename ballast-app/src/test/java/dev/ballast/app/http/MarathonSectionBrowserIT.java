package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.balance.BalancerSettings;
import dev.ballast.kafka.ClientSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's marathon section in Debian's headless Chromium: with a marathon (and no balancer)
 * it shows the current task and phase, the alerts firing and the recent verdicts, and hides the
 * balancer's sections; under {@code serve} (a balancer, no marathon) it says no marathon runs.
 * Skipped when chromium or chromedriver is missing.
 */
class MarathonSectionBrowserIT {

  @TempDir Path dir;

  /** A marathon's view as {@code MarathonState} gives it, changed by the test. */
  private static final class Feed implements MarathonFeed {
    final AtomicReference<Map<String, Object>> view = new AtomicReference<>();

    @Override
    public Map<String, Object> view() {
      return view.get();
    }

    @Override
    public void writeMetrics(OutputStream out) throws IOException {
      out.write("ballast_marathon_round 1.0\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Map<String, Object> running(String task, String phase) {
    return Map.of(
        "round",
        2,
        "task",
        task,
        "phase",
        phase,
        "ended",
        false,
        "runs",
        1,
        "passed",
        0,
        "recent",
        List.of(
            Map.of(
                "round",
                1,
                "task",
                "chaos",
                "outcome",
                "FAIL",
                "seconds",
                41.8,
                "verdicts",
                List.of(
                    Map.of(
                        "checker", "continuity",
                        "outcome", "FAIL",
                        "severity", "critical",
                        "summary", "3 acknowledged message(s) lost")))),
        "alerts",
        List.of(
            Map.of(
                "labels",
                Map.of("severity", "critical", "task", "chaos", "checker", "continuity"),
                "summary",
                "chaos FAIL: 3 acknowledged message(s) lost",
                "startsAt",
                "2026-11-30T01:00:00Z")));
  }

  private static String text(WebDriverClient browser, String css) {
    return browser.script("return document.querySelector('" + css + "').innerText").asText();
  }

  @Test
  void showsTheRunningMarathonAndSaysSoWhenNoneRuns() throws Exception {
    Path chromium = DashboardBrowserIT.onPath("chromium");
    Path chromedriver = DashboardBrowserIT.onPath("chromedriver");
    assumeTrue(
        chromium != null && chromedriver != null,
        "chromium or chromedriver is not installed (apt-get install chromium chromium-driver):"
            + " skipping the browser test");
    Feed feed = new Feed();
    feed.view.set(running("transactions", "warm-up"));
    try (WebDriverClient browser = WebDriverClient.start(chromedriver, chromium, dir)) {
      try (BallastHttpServer marathon =
          BallastHttpServer.start(
              new HttpSettings(HttpSettings.LOOPBACK, 0, null),
              null,
              feed,
              System::currentTimeMillis)) {
        browser.open(marathon.url());
        await("the marathon's task and phase on the page")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> text(browser, "#marathon-now").contains("transactions (warm-up)"));
        assertThat(text(browser, "#marathon-now")).contains("round 2", "1 alert(s) firing");
        assertThat(text(browser, "#marathon-alerts tbody"))
            .contains("critical", "continuity", "chaos FAIL: 3 acknowledged message(s) lost");
        assertThat(text(browser, "#marathon-runs tbody"))
            .contains("FAIL", "continuity: FAIL 3 acknowledged message(s) lost");
        assertThat(
                browser
                    .script(
                        "return Array.from(document.querySelectorAll('section'))"
                            + ".filter(function (s) { return s.offsetParent !== null; })"
                            + ".map(function (s) { return s.id; })")
                    .toString())
            .as("only the marathon's section is shown without a balancer")
            .isEqualTo("[\"marathon-section\"]");
        browser.screenshot(DashboardBrowserIT.SCREENSHOTS.resolve("dashboard-marathon.png"));

        feed.view.set(running("rolling-restart", "workload"));
        await("the page follows the marathon to its next task")
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> text(browser, "#marathon-now").contains("rolling-restart (workload)"));
      }

      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
      try (Admin admin = Admin.create(p);
          BalancerService service =
              new BalancerService(
                  admin,
                  ClientSettings.of("127.0.0.1:1"),
                  BalancerSettings.defaults()
                      .withCanary(false, Duration.ofSeconds(2))
                      .withDryRun(true),
                  System::nanoTime,
                  new BalancerListener() {});
          BallastHttpServer serve = BallastHttpServer.start("127.0.0.1", 0, "t", service)) {
        browser.open(serve.url());
        await("the serve dashboard loaded")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    browser
                        .script("return document.body.getAttribute('data-marathon')")
                        .asText()
                        .equals("none"));
        assertThat(text(browser, "#marathon-now")).isEqualTo("no marathon running");
        assertThat(
                browser
                    .script(
                        "return document.getElementById('brokers-section').offsetParent !== null")
                    .asBoolean())
            .as("the balancer's sections are shown under serve")
            .isTrue();
      }
    }
  }
}
