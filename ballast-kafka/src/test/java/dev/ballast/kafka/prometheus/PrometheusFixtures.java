package dev.ballast.kafka.prometheus;

import dev.ballast.kafka.prometheus.TrafficKey.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The exposition fixtures in {@code src/test/resources/prometheus} and small builders. */
final class PrometheusFixtures {

  static final long SECOND = 1_000_000_000L;

  private PrometheusFixtures() {}

  /** Returns the text of fixture {@code name}. */
  static String text(String name) {
    try (InputStream in = PrometheusFixtures.class.getResourceAsStream("/prometheus/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the byte series of fixture {@code name}. */
  static BrokerTraffic traffic(String name) {
    return TrafficMapper.map(ExpositionParser.parse(text(name)));
  }

  static TrafficKey in(String topic) {
    return new TrafficKey(topic, TrafficKey.WHOLE_TOPIC, Direction.IN);
  }

  static TrafficKey out(String topic) {
    return new TrafficKey(topic, TrafficKey.WHOLE_TOPIC, Direction.OUT);
  }

  static TrafficKey in(String topic, int partition) {
    return new TrafficKey(topic, partition, Direction.IN);
  }

  static TrafficKey out(String topic, int partition) {
    return new TrafficKey(topic, partition, Direction.OUT);
  }

  /** Returns a scrape whose series are all counters. */
  static BrokerTraffic counters(Map<TrafficKey, Double> counters) {
    return new BrokerTraffic(counters, Map.of(), Set.of(Dialect.STRIMZI), 1);
  }

  /** Returns a scrape whose series are all exporter-computed rates. */
  static BrokerTraffic rates(Map<TrafficKey, Double> rates) {
    return new BrokerTraffic(Map.of(), rates, Set.of(Dialect.JMX_EXPORTER), 1);
  }
}
