package dev.ballast.workload.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parser of durations and sizes, used by the CLI and workload YAML alike. */
class UnitsParsingTest {

  @ParameterizedTest
  @CsvSource({
    "5, 5000",
    "10, 10000",
    "1.5s, 1500",
    "500ms, 500",
    "2m, 120000",
    "1h, 3600000",
    "0.25, 250",
    "' 3 s ', 3000",
    "PT2S, 2000",
    "0, 0"
  })
  void parsesDurationsWithSecondsAsTheBareUnit(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5", "5x", "1.5.2s", "PT-1S", "1e3s"})
  void refusesWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a duration")
        .hasMessageContaining("1.5s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999999h", "1000000h"})
  void refusesDurationsTooLongToMeanAnything(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("too long a duration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "0ms", "0.0"})
  void positiveDurationsRefuseZero(String text) {
    assertThatThrownBy(() -> Durations.parsePositive(text))
        .hasMessageContaining("must be longer than 0");
  }

  @ParameterizedTest
  @CsvSource({
    "125000000, 125000000",
    "10MB, 10000000",
    "10mb/s, 10000000",
    "100MiB, 104857600",
    "1.5GB, 1500000000",
    "2KiB, 2048",
    "1tb, 1000000000000",
    "0, 0",
    "' 7 B ', 7"
  })
  void parsesSizes(String text, long bytes) {
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ten", "-5MB", "10 MBs", "1e9", "10m"})
  void refusesWhatIsNotASize(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text)).hasMessageContaining("is not a size");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775808", "100000000000TiB"})
  void refusesSizesBeyondALong(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text)).hasMessageContaining("too large a size");
  }
}
