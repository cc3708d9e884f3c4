package dev.ballast.kafka.prometheus;

import static dev.ballast.kafka.prometheus.PrometheusFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusScraperTest {

  private final AtomicLong clock = new AtomicLong(42);
  private ExpositionServer server;

  @BeforeEach
  void serve() {
    server =
        ExpositionServer.start()
            .route("/metrics", () -> 200, () -> PrometheusFixtures.text("strimzi.txt"))
            .route("/broken", () -> 500, () -> "oops")
            .route("/garbage", () -> 200, () -> "kafka_up 1\nkafka_server{topic=\"a\" 1\n");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyEndpointGetsOneScrapeInOrderWithItsOutcome() throws IOException {
    URI refused = URI.create("http://127.0.0.1:" + closedPort() + "/metrics");
    PrometheusScraper scraper =
        new PrometheusScraper(
            List.of(server.url("/metrics"), server.url("/broken"), server.url("/garbage"), refused),
            Duration.ofSeconds(5),
            clock::get);

    List<Scrape> scrapes = scraper.scrape();

    assertThat(scrapes).extracting(Scrape::endpoint).containsExactlyElementsOf(scraper.endpoints());
    assertThat(scrapes.get(0).ok()).isTrue();
    assertThat(scrapes.get(0).nanos()).isEqualTo(42);
    assertThat(scrapes.get(0).traffic().counters()).containsEntry(in("orders"), 41_943_040.0);
    assertThat(scrapes.get(1).error()).isEqualTo("HTTP 500");
    assertThat(scrapes.get(2).error())
        .isEqualTo(
            "not Prometheus text: line 2: expected ',' or '}' after label 'topic':"
                + " kafka_server{topic=\"a\" 1");
    assertThat(scrapes.get(3).error()).isEqualTo("connection refused");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
