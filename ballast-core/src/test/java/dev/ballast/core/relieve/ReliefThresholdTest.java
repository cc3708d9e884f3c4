package dev.ballast.core.relieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.plan.Goal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReliefThresholdTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "network-in>80%; NETWORK_IN; 80; true",
        "network-out > 75.5 %; NETWORK_OUT; 75.5; true",
        "network-in>50MB/s; NETWORK_IN; 50000000; false",
        "network-out>1MiB; NETWORK_OUT; 1048576; false",
        "disk>2GB; DISK; 2000000000; false",
        "qps>20000/s; MESSAGES; 20000; false",
        "messages>300; MESSAGES; 300; false",
        "replicas>300; REPLICAS; 300; false",
        "LEADERS>10; LEADERS; 10; false"
      })
  void acceptsTheDocumentedForms(String text, Goal resource, double value, boolean percent) {
    ReliefThreshold t = ReliefThreshold.parse(text);
    assertThat(t.resource()).isEqualTo(resource);
    assertThat(t.value()).isEqualTo(value);
    assertThat(t.percentOfCapacity()).isEqualTo(percent);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "network-in; 'network-in' is no RESOURCE>LIMIT",
        "bananas>5; 'bananas' is not a resource",
        "cpu>80%; 'cpu' is not in the load model (no CPU figure",
        "disk>80%; '80%' is a percentage, and disk has no capacity in the load model",
        "network-in>fast; 'fast' is not a number",
        "network-in>50 parsecs; 'parsecs' is not a unit of network-in",
        "replicas>3MB; 'MB' is not a unit of replicas",
        "network-in>150%; '150%' is not a percentage between 0 and 100"
      })
  void refusesWithTheBadTokenAndTheAcceptedForms(String text, String expected) {
    assertThatThrownBy(() -> ReliefThreshold.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected)
        .hasMessageContaining("write RESOURCE>LIMIT, e.g. network-in>80%")
        .hasMessageNotContaining("\n");
  }

  @Test
  void printsAsWritten() {
    assertThat(ReliefThreshold.parse("network-in>80%").text()).isEqualTo("network-in>80%");
    assertThat(ReliefThreshold.parse("replicas>300").text()).isEqualTo("replicas>300");
  }
}
