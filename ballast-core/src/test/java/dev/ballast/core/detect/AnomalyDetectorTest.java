package dev.ballast.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

  private static final PartitionLoad LOAD =
      new PartitionLoad(1_000_000, 1_000_000, 1000, 100_000_000);
  private static final long SECOND = 1_000_000_000L;

  @Test
  void fourOneOneUnderLoadIsAnImbalanceOfNetworkIn() {
    ClusterModel m = model(List.of(0, 0, 0, 0, 1, 2), BrokerState.ALIVE);
    List<Anomaly> found = detect(m);

    assertThat(found).extracting(Anomaly::kind).contains(AnomalyKind.IMBALANCE);
    assertThat(found)
        .anyMatch(
            a ->
                a.evidence()
                    .equals("network-in: the busiest broker carries 2.00x the mean (band +-10%)"));
  }

  @Test
  void aBalancedClusterHasNoAnomaly() {
    assertThat(detect(model(List.of(0, 0, 1, 1, 2, 2), BrokerState.ALIVE))).isEmpty();
  }

  @Test
  void anEmptyBrokerIsNew() {
    ClusterModel m = model(List.of(0, 0, 0, 1, 1, 1), BrokerState.ALIVE);
    assertThat(detect(m))
        .filteredOn(a -> a.kind() == AnomalyKind.NEW_BROKER)
        .singleElement()
        .satisfies(a -> assertThat(a.brokers()).containsExactly(2));
  }

  @Test
  void aDrainingBrokerHoldingReplicasIsReported() {
    ClusterModel m = model(List.of(0, 0, 1, 1, 2, 2), BrokerState.DRAINING);
    assertThat(detect(m))
        .filteredOn(a -> a.kind() == AnomalyKind.DRAINING_BROKER)
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.evidence())
                    .isEqualTo("broker 2 is being drained and still holds 2 replica(s)"));
  }

  @Test
  void aDeadBrokerWaitsForItsGraceThenCallsForAction() {
    ClusterModel m = model(List.of(0, 0, 1, 1, 2, 2), BrokerState.DEAD);
    List<Anomaly> early =
        AnomalyDetector.detect(m, null, Map.of(2, 10 * SECOND), 60 * SECOND, Map.of());
    List<Anomaly> late =
        AnomalyDetector.detect(m, null, Map.of(2, 61 * SECOND), 60 * SECOND, Map.of());

    assertThat(early)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actionable()).isFalse();
              assertThat(a.evidence())
                  .isEqualTo(
                      "broker 2 is dead and holds 2 replica(s); waiting 50 s more before self-healing");
            });
    assertThat(AnomalyDetector.graceStates(early))
        .containsExactlyEntriesOf(Map.of(2, BrokerState.EXCLUDED));
    assertThat(late).singleElement().satisfies(a -> assertThat(a.actionable()).isTrue());
    assertThat(AnomalyDetector.graceStates(late)).isEmpty();
  }

  @Test
  void aSlowBrokerThatLeadsIsReportedWithItsEvidence() {
    ClusterModel m = model(List.of(0, 0, 1, 1, 2, 2), BrokerState.SLOW);
    List<Anomaly> found =
        AnomalyDetector.detect(m, null, Map.of(), 0, Map.of(2, "canary latency 210 ms"));

    assertThat(found)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AnomalyKind.SLOW_BROKER);
              assertThat(a.evidence()).isEqualTo("canary latency 210 ms; it leads 2 partition(s)");
            });
  }

  private static List<Anomaly> detect(ClusterModel m) {
    return AnomalyDetector.detect(
        m, new Planner(PlannerOptions.defaults()).plan(m), Map.of(), 0, Map.of());
  }

  /** Three brokers; broker 2 in {@code state}; one RF=1 partition per entry of {@code leaders}. */
  private static ClusterModel model(List<Integer> leaders, BrokerState state) {
    List<Broker> brokers =
        List.of(Broker.alive(0), Broker.alive(1), new Broker(2, null, state, null));
    List<Partition> parts = new ArrayList<>();
    for (int i = 0; i < leaders.size(); i++) {
      parts.add(Partition.of("t", i, List.of(leaders.get(i)), LOAD));
    }
    return ClusterModel.of(brokers, parts);
  }
}
