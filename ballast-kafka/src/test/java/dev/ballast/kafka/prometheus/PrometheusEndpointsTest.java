package dev.ballast.kafka.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusEndpointsTest {

  @Test
  void aCommaSeparatedListKeepsItsOrder() {
    assertThat(PrometheusEndpoints.parse(" http://b1:9404/metrics,https://b0:8890/metrics "))
        .containsExactly(
            URI.create("http://b1:9404/metrics"), URI.create("https://b0:8890/metrics"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "b1:9404/metrics                   | 'b1:9404/metrics' is not an http(s) URL like http://broker-1:9404/metrics",
        "ftp://b1/metrics                  | 'ftp://b1/metrics' is not an http(s) URL",
        "http://b 1/metrics                | 'http://b 1/metrics' is not an http(s) URL",
        "http://b1/m,,http://b2/m          | an empty entry in 'http://b1/m,,http://b2/m'",
        "http://b1/m,http://b1/m           | http://b1/m is listed twice; each broker's endpoint must appear once",
      })
  void aBadListNamesTheBadEntry(String list, String message) {
    assertThatThrownBy(() -> PrometheusEndpoints.parse(list.trim()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message.trim());
  }
}
