package dev.ballast.kafka.prometheus;

import dev.ballast.kafka.prometheus.TrafficKey.Direction;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the per-topic (or per-partition) byte series of the known {@link Dialect}s in a scrape.
 * Metric names are compared in lower case (jmx_exporter's {@code lowercaseOutputName} varies).
 * Series without a topic label are broker totals and are left out, as are internal topics ({@code
 * __*}, {@code _confluent*}) and values that are negative, NaN or infinite. Series with the same
 * key (several label sets for one topic) are added up.
 */
public final class TrafficMapper {

  private static final String STRIMZI_PREFIX = "kafka_server_brokertopicmetrics_";
  private static final String RAW_COUNT = "kafka_server_brokertopicmetrics_count";
  private static final String RAW_ONE_MINUTE = "kafka_server_brokertopicmetrics_oneminuterate";
  private static final String AUTOMQ = "kafka_network_io_bytes_total";

  private TrafficMapper() {}

  /** What one series is, once recognised. */
  private record Match(Dialect dialect, Direction direction, boolean counter) {}

  /** Returns the byte series of {@code exposition}. */
  public static BrokerTraffic map(Exposition exposition) {
    Map<TrafficKey, Double> counters = new HashMap<>();
    Map<TrafficKey, Double> rates = new HashMap<>();
    Set<Dialect> dialects = EnumSet.noneOf(Dialect.class);
    int brokerTotals = 0;
    for (Exposition.Sample s : exposition.samples()) {
      Match m = recognise(s);
      if (m == null) {
        continue;
      }
      String topic = s.label("topic");
      if (topic == null || topic.isEmpty()) {
        brokerTotals++;
        continue;
      }
      double v = s.value();
      if (internal(topic) || !(v >= 0) || Double.isInfinite(v)) {
        continue;
      }
      int partition = partition(s.label("partition"));
      if (partition < TrafficKey.WHOLE_TOPIC) {
        continue; // a partition label that is not a number: not a series we can place
      }
      dialects.add(m.dialect());
      TrafficKey key = new TrafficKey(topic, partition, m.direction());
      (m.counter() ? counters : rates).merge(key, v, Double::sum);
    }
    return new BrokerTraffic(counters, rates, dialects, brokerTotals);
  }

  private static Match recognise(Exposition.Sample s) {
    String name = s.name().toLowerCase(Locale.ROOT);
    if (name.equals(AUTOMQ)) {
      String direction = s.label("direction");
      if ("in".equals(direction)) {
        return new Match(Dialect.AUTOMQ, Direction.IN, true);
      }
      return "out".equals(direction) ? new Match(Dialect.AUTOMQ, Direction.OUT, true) : null;
    }
    if (name.equals(RAW_COUNT) || name.equals(RAW_ONE_MINUTE)) {
      Direction d = rawDirection(s.label("name"));
      return d == null ? null : new Match(Dialect.JMX_EXPORTER, d, name.equals(RAW_COUNT));
    }
    if (!name.startsWith(STRIMZI_PREFIX)) {
      return null;
    }
    return switch (name.substring(STRIMZI_PREFIX.length())) {
      case "bytesin_total" -> new Match(Dialect.STRIMZI, Direction.IN, true);
      case "bytesout_total" -> new Match(Dialect.STRIMZI, Direction.OUT, true);
        // Confluent's rules export the Count attribute under the bare name: a cumulative count.
      case "bytesinpersec" -> new Match(Dialect.CONFLUENT, Direction.IN, true);
      case "bytesoutpersec" -> new Match(Dialect.CONFLUENT, Direction.OUT, true);
      case "bytesinpersec_oneminuterate" -> new Match(Dialect.CONFLUENT, Direction.IN, false);
      case "bytesoutpersec_oneminuterate" -> new Match(Dialect.CONFLUENT, Direction.OUT, false);
      default -> null;
    };
  }

  /** Returns whether {@code topic} is internal, as the sampler's topic filters define it. */
  static boolean internal(String topic) {
    return topic.startsWith("__") || topic.startsWith("_confluent");
  }

  private static Direction rawDirection(String mbeanName) {
    if ("BytesInPerSec".equalsIgnoreCase(mbeanName)) {
      return Direction.IN;
    }
    return "BytesOutPerSec".equalsIgnoreCase(mbeanName) ? Direction.OUT : null;
  }

  /** Returns the partition in {@code label}, WHOLE_TOPIC when absent, or -2 when not a number. */
  private static int partition(String label) {
    if (label == null || label.isEmpty()) {
      return TrafficKey.WHOLE_TOPIC;
    }
    try {
      int p = Integer.parseInt(label);
      return p >= 0 ? p : -2;
    } catch (NumberFormatException e) {
      return -2;
    }
  }
}
