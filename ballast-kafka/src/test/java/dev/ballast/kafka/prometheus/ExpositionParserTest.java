package dev.ballast.kafka.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionParserTest {

  @Test
  void samplesCarryNameLabelsValueAndTimestamp() {
    Exposition e =
        ExpositionParser.parse(
            """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3   1395066363000

            # a free comment
            metric_without_timestamp_and_labels 12.47
            """);

    assertThat(e.types()).containsExactly(Map.entry("http_requests_total", "counter"));
    assertThat(e.samples()).hasSize(3);
    Exposition.Sample first = e.samples().get(0);
    assertThat(first.name()).isEqualTo("http_requests_total");
    assertThat(first.labels()).containsOnly(Map.entry("method", "post"), Map.entry("code", "200"));
    assertThat(first.value()).isEqualTo(1027.0);
    assertThat(first.timestampMillis()).isEqualTo(1395066363000L);
    assertThat(e.samples().get(1).value()).isEqualTo(3.0);
    Exposition.Sample last = e.samples().get(2);
    assertThat(last.labels()).isEmpty();
    assertThat(last.value()).isEqualTo(12.47);
    assertThat(last.timestampMillis()).isNull();
  }

  @Test
  void labelValuesAreUnescaped() {
    Exposition e =
        ExpositionParser.parse(
            "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\","
                + "error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n");

    Exposition.Sample s = e.samples().get(0);
    assertThat(s.label("path")).isEqualTo("C:\\DIR\\FILE.TXT");
    assertThat(s.label("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
    assertThat(s.value()).isEqualTo(1.458255915e9);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "m NaN          | NaN",
        "m +Inf         | Infinity",
        "m -Inf         | -Infinity",
        "m Inf          | Infinity",
        "m -0.5e-3      | -5.0E-4",
        "m 4.194304E7   | 4.194304E7",
        "m 1e+08        | 1.0E8",
        "m .5           | 0.5",
      })
  void specialAndScientificValuesParse(String line, double expected) {
    assertThat((Double) ExpositionParser.parse(line.trim()).samples().get(0).value())
        .isEqualTo(Double.valueOf(expected));
  }

  @Test
  void trailingCommasTabsCarriageReturnsAndEofAreAccepted() {
    Exposition e =
        ExpositionParser.parse(
            "# TYPE a untyped\r\na{x=\"1\",}\t5\r\nb{ x = \"2\" , y=\"\" } 6\n# EOF\n");

    assertThat(e.samples()).extracting(Exposition.Sample::value).containsExactly(5.0, 6.0);
    assertThat(e.samples().get(1).labels()).containsOnly(Map.entry("x", "2"), Map.entry("y", ""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{x=\"1\"} 5                 | line 2: expected a metric name",
        "m{x=1} 5                    | line 2: expected '\"'",
        "m{x=\"1\" 5                 | line 2: expected ',' or '}' after label 'x'",
        "m{x=\"1 5                   | line 2: unterminated label value",
        "m{x=\"a\\tb\"} 5            | line 2: unknown escape '\\t' in a label value",
        "m{x=\"1\",x=\"2\"} 5        | line 2: label 'x' appears twice",
        "m{1x=\"1\"} 5               | line 2: expected a label name",
        "m                           | line 2: expected a value",
        "m twelve                    | line 2: value 'twelve' is not a number",
        "m 0x1F                      | line 2: value '0x1F' is not a number",
        "m 1d                        | line 2: value '1d' is not a number",
        "m 1 12.5                    | line 2: timestamp '12.5' is not an integer",
        "m 1 2 3                     | line 2: unexpected text after the timestamp",
        "# TYPE m                    | line 2: # TYPE without a type",
      })
  void malformedLinesAreRejectedNamingTheLine(String line, String message) {
    String text = "ok_metric 1\n" + line.trim() + "\nok_metric 2\n";

    assertThatThrownBy(() -> ExpositionParser.parse(text))
        .isInstanceOf(ExpositionException.class)
        .hasMessageStartingWith(message.trim())
        .hasMessageEndingWith(line.trim());
  }
}
