package dev.ballast.kafka.prometheus;

/** The Kafka exporters whose byte metrics Ballast understands. */
public enum Dialect {
  /** Strimzi's jmx_exporter rules: {@code kafka_server_brokertopicmetrics_bytesin_total{topic}}. */
  STRIMZI("strimzi"),
  /**
   * Confluent's jmx-monitoring-stacks rules: {@code
   * kafka_server_brokertopicmetrics_bytesinpersec{topic}} (the cumulative Count) and {@code
   * ..._bytesinpersec_oneminuterate{topic}}.
   */
  CONFLUENT("confluent"),
  /**
   * jmx_exporter without rules, as MSK open monitoring serves it: {@code
   * kafka_server_BrokerTopicMetrics_Count{name="BytesInPerSec",topic}} and {@code _OneMinuteRate}.
   */
  JMX_EXPORTER("jmx_exporter"),
  /** AutoMQ's own exporter: {@code kafka_network_io_bytes_total{topic,partition,direction}}. */
  AUTOMQ("automq");

  private final String label;

  Dialect(String label) {
    this.label = label;
  }

  /** Returns the name used in messages. */
  public String label() {
    return label;
  }
}
