package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity scenario's checks fail on a fix that did nothing, and say why. */
class CapacityChecksTest {

  @TempDir Path dir;

  @Test
  void aFixThatNeverRanFailsEveryCheck() {
    List<Check> checks =
        CapacityChecks.all(
            Scenarios.capacity(true),
            dir,
            new CapacityChecks.Evidence(0, null, false, List.of(), -1, null, Double.NaN));
    assertThat(checks).hasSize(6).noneMatch(Check::passed);
    assertThat(checks)
        .extracting(Check::evidence)
        .contains(
            "no capacity incident with a scale-out",
            "brokers [] added; rebalance not done",
            "the full load did not run again",
            "the doctor did not look again");
    assertThat(checks.get(0).evidence()).startsWith("0 partition(s) of ballast-demo-orders");
    assertThat(checks.get(2).evidence()).contains("diagnosis.txt missing or empty");
  }

  @Test
  void underReplicationWithTheFullLoadOnTheGrownClusterFails() {
    List<Check> checks =
        CapacityChecks.all(
            Scenarios.capacity(true),
            dir,
            new CapacityChecks.Evidence(3, null, true, List.of(2, 3), 2, null, 12.5));
    assertThat(checks.get(0).passed()).as("the overload showed").isTrue();
    assertThat(checks.get(3).passed()).as("applied").isTrue();
    Check grown = checks.get(4);
    assertThat(grown.passed()).isFalse();
    assertThat(grown.evidence())
        .isEqualTo("2 partition(s) under-replicated at worst with the full load on 4 brokers");
  }
}
