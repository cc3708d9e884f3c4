package dev.ballast.kafka.prometheus;

import static dev.ballast.kafka.prometheus.PrometheusFixtures.in;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.out;
import static dev.ballast.kafka.prometheus.PrometheusFixtures.traffic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficMapperTest {

  @Test
  void strimziCountersArePerTopicWithoutBrokerTotalsInternalTopicsOrReplication() {
    BrokerTraffic t = traffic("strimzi.txt");

    assertThat(t.dialects()).containsExactly(Dialect.STRIMZI);
    assertThat(t.counters())
        .containsOnly(
            Map.entry(in("orders"), 41_943_040.0),
            Map.entry(in("clicks"), 1_048_576.0),
            Map.entry(out("orders"), 83_886_080.0));
    assertThat(t.rates()).isEmpty();
    assertThat(t.brokerTotals()).isEqualTo(2);
  }

  @Test
  void confluentBarePerSecNamesAreCumulativeCountsAndOneMinuteRatesAreRates() {
    BrokerTraffic t = traffic("confluent.txt");

    assertThat(t.dialects()).containsExactly(Dialect.CONFLUENT);
    assertThat(t.counters())
        .containsOnly(
            Map.entry(in("orders"), 41_943_040.0),
            Map.entry(in("clicks"), 1_048_576.0),
            Map.entry(out("orders"), 83_886_080.0));
    assertThat(t.rates())
        .containsOnly(
            Map.entry(in("orders"), 102_400.5),
            Map.entry(in("clicks"), 2_048.25),
            Map.entry(out("orders"), 204_800.0));
    assertThat(t.brokerTotals()).isEqualTo(2);
  }

  @Test
  void rawJmxExporterCountAndOneMinuteRateAreReadByTheirNameLabel() {
    BrokerTraffic t = traffic("jmx-exporter.txt");

    assertThat(t.dialects()).containsExactly(Dialect.JMX_EXPORTER);
    assertThat(t.counters())
        .containsOnly(
            Map.entry(in("orders"), 41_943_040.0),
            Map.entry(out("orders"), 83_886_080.0),
            Map.entry(in("clicks"), 1_048_576.0));
    assertThat(t.rates())
        .containsOnly(
            Map.entry(in("orders"), 102_400.5),
            Map.entry(out("orders"), 204_800.0),
            Map.entry(in("clicks"), 2_048.25));
    assertThat(t.brokerTotals()).isEqualTo(2);
  }

  @Test
  void autoMqCountersArePerPartitionAndDirection() {
    BrokerTraffic t = traffic("automq.txt");

    assertThat(t.dialects()).containsExactly(Dialect.AUTOMQ);
    assertThat(t.counters())
        .containsOnly(
            Map.entry(in("orders", 0), 20_971_520.0),
            Map.entry(in("orders", 1), 20_971_520.0),
            Map.entry(out("orders", 0), 83_886_080.0),
            Map.entry(in("clicks", 3), 1_048_576.0));
    assertThat(t.brokerTotals()).isEqualTo(2);
  }

  @Test
  void lowerCasedRawNamesSeriesOfOneTopicAddUpAndBadValuesAreSkipped() {
    BrokerTraffic t =
        TrafficMapper.map(
            ExpositionParser.parse(
                """
                kafka_server_brokertopicmetrics_count{name="bytesinpersec",topic="a",listener="x"} 10
                kafka_server_brokertopicmetrics_count{name="bytesinpersec",topic="a",listener="y"} 5
                kafka_server_brokertopicmetrics_count{name="BytesInPerSec",topic="b"} NaN
                kafka_server_brokertopicmetrics_count{name="BytesInPerSec",topic="c"} -1
                kafka_network_io_bytes_total{direction="in",topic="d",partition="x"} 7
                kafka_network_io_bytes_total{direction="sideways",topic="d",partition="0"} 7
                """));

    assertThat(t.counters()).containsOnly(Map.entry(in("a"), 15.0));
  }

  @Test
  void anExpositionWithoutKafkaMetricsIsEmpty() {
    BrokerTraffic t = TrafficMapper.map(ExpositionParser.parse("node_load1 0.5\nup 1\n"));

    assertThat(t.isEmpty()).isTrue();
    assertThat(t.brokerTotals()).isZero();
    assertThat(t.dialects()).isEmpty();
  }
}
