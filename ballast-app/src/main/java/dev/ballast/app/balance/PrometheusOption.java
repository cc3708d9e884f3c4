package dev.ballast.app.balance;

import dev.ballast.app.cli.UserException;
import dev.ballast.kafka.prometheus.PrometheusEndpoints;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --prometheus-url}: measure bytes in/out at the brokers' metrics endpoints. */
public final class PrometheusOption {

  @Option(
      names = "--prometheus-url",
      paramLabel = "URL[,URL...]",
      description = {
        "Measure bytes in/out at the brokers' Prometheus endpoints (one URL per broker,"
            + " comma-separated) instead of estimating them from offsets x record size."
            + " Understood: Strimzi (kafka_server_brokertopicmetrics_bytesin_total{topic}),"
            + " Confluent jmx-monitoring-stacks (kafka_server_brokertopicmetrics_bytesinpersec"
            + "{topic}), jmx_exporter without rules / MSK"
            + " (kafka_server_BrokerTopicMetrics_Count{name=\"BytesInPerSec\",topic}) and AutoMQ"
            + " (kafka_network_io_bytes_total{topic,partition,direction}), with their bytes-out"
            + " counterparts. If a scrape fails the window falls back to the offset estimate,"
            + " with a warning."
      })
  String urls;

  /** Returns the endpoints given, empty without the option; a bad URL is a UserException. */
  public List<URI> endpoints() {
    if (urls == null) {
      return List.of();
    }
    try {
      return PrometheusEndpoints.parse(urls);
    } catch (IllegalArgumentException e) {
      throw new UserException("--prometheus-url: " + e.getMessage());
    }
  }
}
