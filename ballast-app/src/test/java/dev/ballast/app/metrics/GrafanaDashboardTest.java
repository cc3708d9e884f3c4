package dev.ballast.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped Grafana dashboard and Prometheus config name only what Ballast exports. */
class GrafanaDashboardTest {

  static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "ballast-dashboard.json");
  static final Path PROMETHEUS = Path.of("..", "deploy", "prometheus", "prometheus.yml");

  @Test
  void everyQueryNamesAnExportedMetric() throws Exception {
    Set<String> exported = ExportedMetrics.names();
    List<String> queries = queries(read());
    assertThat(queries).hasSizeGreaterThan(15);
    for (String q : queries) {
      Set<String> used = ExportedMetrics.usedBy(q);
      assertThat(used).as("metrics in %s", q).isNotEmpty();
      assertThat(exported).as("exported metrics, for query %s", q).containsAll(used);
    }
  }

  @Test
  void hasThePanelsTheIssueAsksFor() throws Exception {
    List<String> titles = read().path("panels").findValuesAsText("title");
    assertThat(titles)
        .contains(
            "Partitions per broker",
            "Bytes in per broker",
            "Bytes out per broker",
            "Messages/s per broker",
            "Canary latency per broker",
            "Balance score over time");
    List<String> annotations = read().at("/annotations/list").findValuesAsText("name");
    assertThat(annotations).contains("Plans", "Executions", "Anomalies");
  }

  @Test
  void theDataSourceIsAVariable() throws Exception {
    JsonNode dashboard = read();
    JsonNode variable = dashboard.at("/templating/list/0");
    assertThat(variable.path("type").asText()).isEqualTo("datasource");
    assertThat(variable.path("query").asText()).isEqualTo("prometheus");
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(panel.at("/datasource/uid").asText())
          .as(panel.path("title").asText())
          .isEqualTo("${datasource}");
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.at("/datasource/uid").asText()).isEqualTo("${datasource}");
      }
    }
  }

  @Test
  void promqlParsingFindsMetricsAndSkipsFunctionsLabelsAndRanges() {
    assertThat(
            ExportedMetrics.usedBy(
                "sum by (instance) (rate(ballast_x_total{state=~\"a|b\",i=~\"$instance\"}"
                    + "[$__rate_interval])) / on (instance) ballast_y > 0"))
        .containsExactly("ballast_x_total", "ballast_y");
  }

  @Test
  void prometheusScrapesBallastsDefaultPort() throws Exception {
    String config = Files.readString(PROMETHEUS);
    assertThat(config).contains("metrics_path: /metrics").contains("127.0.0.1:8890");
  }

  static JsonNode read() throws Exception {
    return new ObjectMapper().readTree(Files.readString(DASHBOARD));
  }

  /** Returns every PromQL expression of the dashboard: panel targets and annotations. */
  static List<String> queries(JsonNode dashboard) {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panel.path("targets").forEach(t -> out.add(t.path("expr").asText()));
    }
    for (JsonNode a : dashboard.at("/annotations/list")) {
      if (a.has("expr")) {
        out.add(a.path("expr").asText());
      }
    }
    return out;
  }
}
