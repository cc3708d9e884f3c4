package dev.ballast.kafka.prometheus;

import static dev.ballast.kafka.prometheus.PrometheusFixtures.SECOND;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.counters;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.in;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.out;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.rates;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficRatesTest {

  private static final URI B0 = URI.create("http://b0:9404/metrics");
  private static final URI B1 = URI.create("http://b1:9404/metrics");

  @Test
  void aCounterRateIsItsIncreaseOverTheTimeBetweenFirstAndLastScrape() {
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(ok(B0, 0, counters(Map.of(in("a"), 1_000.0, out("a"), 0.0)))),
                List.of(ok(B0, 5 * SECOND, counters(Map.of(in("a"), 6_000.0, out("a"), 500.0)))),
                List.of(
                    ok(B0, 10 * SECOND, counters(Map.of(in("a"), 11_000.0, out("a"), 1_000.0))))));

    assertThat(t.usable()).isTrue();
    assertThat(t.bytesPerSec())
        .containsOnly(Map.entry(in("a"), 1_000.0), Map.entry(out("a"), 100.0));
    assertThat(t.endpoints()).isEqualTo(1);
    assertThat(t.dialects()).containsExactly(Dialect.STRIMZI);
  }

  @Test
  void aCounterThatDropsWasResetAndCountsFromZero() {
    // 1000 B/s throughout; the broker restarted between the 2nd and 3rd scrape, 2 s before the 3rd.
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(ok(B0, 0, counters(Map.of(in("a"), 50_000.0)))),
                List.of(ok(B0, 4 * SECOND, counters(Map.of(in("a"), 54_000.0)))),
                List.of(ok(B0, 8 * SECOND, counters(Map.of(in("a"), 2_000.0))))));

    // Prometheus' increase() semantics: 4000 before the reset + 2000 after it; the 2 s between
    // the 2nd scrape and the restart are lost, as they are for Prometheus.
    assertThat(t.bytesPerSec()).containsOnly(Map.entry(in("a"), 6_000.0 / 8));
  }

  @Test
  void aSeriesThatAppearsInTheWindowStartsFromZeroAndOneThatVanishesAddsNothing() {
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(ok(B0, 0, counters(Map.of(in("gone"), 100.0)))),
                List.of(ok(B0, 2 * SECOND, counters(Map.of(in("new"), 400.0))))));

    assertThat(t.bytesPerSec())
        .containsOnly(Map.entry(in("gone"), 0.0), Map.entry(in("new"), 200.0));
  }

  @Test
  void ratesOfSeveralEndpointsAddUpPerKey() {
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(
                    ok(B0, 0, counters(Map.of(in("a"), 0.0))),
                    ok(B1, 0, counters(Map.of(in("a"), 0.0, in("b"), 0.0)))),
                List.of(
                    ok(B0, 2 * SECOND, counters(Map.of(in("a"), 2_000.0))),
                    ok(B1, 4 * SECOND, counters(Map.of(in("a"), 400.0, in("b"), 40.0))))));

    assertThat(t.bytesPerSec()).containsOnly(Map.entry(in("a"), 1_100.0), Map.entry(in("b"), 10.0));
    assertThat(t.endpoints()).isEqualTo(2);
  }

  @Test
  void anExportersOwnRateIsAveragedAndACounterWinsOverIt() {
    BrokerTraffic first =
        new BrokerTraffic(
            Map.of(in("a"), 0.0),
            Map.of(in("a"), 7.0, in("b"), 100.0),
            Set.of(Dialect.CONFLUENT),
            1);
    BrokerTraffic second =
        new BrokerTraffic(
            Map.of(in("a"), 50.0),
            Map.of(in("a"), 9.0, in("b"), 300.0),
            Set.of(Dialect.CONFLUENT),
            1);

    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(List.of(ok(B0, 0, first)), List.of(ok(B0, 10 * SECOND, second))));

    assertThat(t.bytesPerSec()).containsOnly(Map.entry(in("a"), 5.0), Map.entry(in("b"), 200.0));
  }

  @Test
  void gaugesAloneNeedNoElapsedTime() {
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(ok(B0, 0, rates(Map.of(in("a"), 10.0)))),
                List.of(ok(B0, 0, rates(Map.of(in("a"), 30.0))))));

    assertThat(t.bytesPerSec()).containsOnly(Map.entry(in("a"), 20.0));
  }

  @Test
  void anEndpointThatFailedTheLatestRoundMakesTheTrafficUnusable() {
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(ok(B0, 0, counters(Map.of(in("a"), 0.0))), ok(B1, 0, counters(Map.of()))),
                List.of(
                    ok(B0, SECOND, counters(Map.of(in("a"), 10.0))),
                    Scrape.failed(B1, SECOND, "connection refused"))));

    assertThat(t.usable()).isFalse();
    assertThat(t.problems()).containsExactly("http://b1:9404/metrics: connection refused");
  }

  @Test
  void anEndpointNeedsTwoAnsweredScrapes() {
    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(Scrape.failed(B0, 0, "HTTP 503")),
                List.of(ok(B0, SECOND, counters(Map.of(in("a"), 10.0))))));

    assertThat(t.problems())
        .containsExactly("http://b0:9404/metrics: answered 1 of 2 scrapes in the window");
  }

  @Test
  void anEndpointWithoutAnyKafkaByteMetricIsAProblemButAnIdleBrokerIsNot() {
    BrokerTraffic nothing = new BrokerTraffic(Map.of(), Map.of(), Set.of(), 0);
    BrokerTraffic idle = new BrokerTraffic(Map.of(), Map.of(), Set.of(), 2);

    MeasuredTraffic t =
        TrafficRates.calculate(
            List.of(
                List.of(ok(B0, 0, nothing), ok(B1, 0, idle)),
                List.of(ok(B0, SECOND, nothing), ok(B1, SECOND, idle))));

    assertThat(t.problems())
        .containsExactly(
            "http://b0:9404/metrics: no Kafka byte metrics Ballast understands (understood:"
                + " strimzi, confluent, jmx_exporter, automq)");
  }

  private static Scrape ok(URI endpoint, long nanos, BrokerTraffic traffic) {
    return Scrape.answered(endpoint, nanos, traffic);
  }
}
