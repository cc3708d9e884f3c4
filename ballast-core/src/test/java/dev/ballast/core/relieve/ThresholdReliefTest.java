package dev.ballast.core.relieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.Capacity;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThresholdReliefTest {

  private static final double MB = 1e6;

  /** Broker 0 holds six 2 MB/s partitions (12 MB/s in), brokers 1-3 one each (2 MB/s). */
  private static ClusterModel hotBrokerZero(Capacity capacity) {
    List<Broker> brokers = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      brokers.add(new Broker(b, null, BrokerState.ALIVE, capacity));
    }
    List<Partition> parts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      parts.add(Partition.of("hot", i, List.of(0), load(2 * MB, 1000L * (i + 1))));
    }
    for (int b = 1; b < 4; b++) {
      parts.add(Partition.of("cold", b, List.of(b), load(2 * MB, 500)));
    }
    return ClusterModel.of(brokers, parts);
  }

  private static PartitionLoad load(double in, long size) {
    return new PartitionLoad(in, in, 100, size);
  }

  @Test
  void onlyTheHotBrokersReplicasMoveAndDestinationsStayUnderTheLimit() {
    ClusterModel model = hotBrokerZero(null);
    Relief relief =
        ThresholdRelief.calculate(
            model, ReliefThreshold.parse("network-in>7MB/s"), PlannerOptions.defaults());

    assertThat(relief.hot()).containsOnlyKeys(0);
    assertThat(relief.relievedAll()).isTrue();
    assertThat(relief.plan().actions()).isNotEmpty();
    for (Action a : relief.plan().actions()) {
      assertThat(a.topic()).isEqualTo("hot");
      assertThat(a.oldReplicas()).containsExactly(0);
      assertThat(a.detail()).contains("network-in>");
    }
    ClusterModel after = relief.plan().applyTo(model);
    BrokerLoads.of(after)
        .forEach(
            (id, v) -> assertThat(v.networkIn()).as("broker " + id).isLessThanOrEqualTo(7 * MB));
    // 12 MB/s down to at most 7 MB/s: three 2 MB/s partitions, the three smallest by size.
    assertThat(relief.plan().actions()).hasSize(3);
    assertThat(relief.plan().actions())
        .extracting(Action::partition)
        .containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void aPercentageIsOfEachBrokersCapacity() {
    ClusterModel model = hotBrokerZero(new Capacity(10 * MB, 100 * MB));
    Relief relief =
        ThresholdRelief.calculate(
            model, ReliefThreshold.parse("network-in>80%"), PlannerOptions.defaults());

    assertThat(relief.hot().get(0).limit()).isEqualTo(8 * MB);
    assertThat(relief.relievedAll()).isTrue();
    BrokerLoads.of(relief.plan().applyTo(model))
        .forEach((id, v) -> assertThat(v.networkIn()).isLessThanOrEqualTo(8 * MB));
  }

  @Test
  void aHotBrokerWithNowhereToGoStaysHotAndNothingMoves() {
    // Every destination is already at 2 MB/s: a 2 MB/s partition would push it over 3 MB/s.
    ClusterModel model = hotBrokerZero(null);
    Relief relief =
        ThresholdRelief.calculate(
            model, ReliefThreshold.parse("network-in>3MB/s"), PlannerOptions.defaults());

    assertThat(relief.relievedAll()).isFalse();
    assertThat(relief.plan().isEmpty()).isTrue();
    assertThat(relief.describe()).singleElement().asString().contains("still above");
  }

  @Test
  void nothingIsHotNothingMoves() {
    Relief relief =
        ThresholdRelief.calculate(
            hotBrokerZero(null),
            ReliefThreshold.parse("network-in>20MB/s"),
            PlannerOptions.defaults());

    assertThat(relief.hot()).isEmpty();
    assertThat(relief.plan().isEmpty()).isTrue();
    assertThat(relief.describe())
        .containsExactly("no broker is above network-in>19.1 MiB/s; nothing to relieve");
  }

  @Test
  void leadershipIsHandedOverBeforeAnyByteMovesWhenTheLeaderCarriesTheLoad() {
    List<Broker> brokers = List.of(Broker.alive(0), Broker.alive(1), Broker.alive(2));
    List<Partition> parts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      parts.add(Partition.of("t", i, List.of(0, 1 + i % 2), load(MB, 1_000_000)));
    }
    ClusterModel model = ClusterModel.of(brokers, parts);
    Relief relief =
        ThresholdRelief.calculate(
            model, ReliefThreshold.parse("leaders>2"), PlannerOptions.defaults());

    assertThat(relief.relievedAll()).isTrue();
    assertThat(relief.plan().actions()).hasSize(2);
    assertThat(relief.plan().actions()).allMatch(a -> a.bytesToMove() == 0);
    assertThat(relief.plan().summary().bytesToMove()).isZero();
  }

  @Test
  void excludedTopicsAndExcludedBrokersAreLeftAlone() {
    ClusterModel model = hotBrokerZero(null);
    Relief pinned =
        ThresholdRelief.calculate(
            model,
            ReliefThreshold.parse("network-in>7MB/s"),
            PlannerOptions.defaults().withExcludedTopics(Pattern.compile("hot")));
    assertThat(pinned.plan().isEmpty()).isTrue();
    assertThat(pinned.relievedAll()).isFalse();

    Relief excluded =
        ThresholdRelief.calculate(
            model.withBrokerStates(Map.of(1, BrokerState.EXCLUDED, 2, BrokerState.DEAD)),
            ReliefThreshold.parse("network-in>7MB/s"),
            PlannerOptions.defaults());
    assertThat(excluded.plan().actions()).allMatch(a -> a.newReplicas().equals(List.of(3)));

    Relief hotButExcluded =
        ThresholdRelief.calculate(
            model.withBrokerState(0, BrokerState.EXCLUDED),
            ReliefThreshold.parse("network-in>7MB/s"),
            PlannerOptions.defaults());
    assertThat(hotButExcluded.hot()).isEmpty();
    assertThat(hotButExcluded.plan().isEmpty()).isTrue();
  }

  @Test
  void aPercentageWithoutCapacityNamesTheBroker() {
    assertThatThrownBy(
            () ->
                ThresholdRelief.calculate(
                    hotBrokerZero(null),
                    ReliefThreshold.parse("network-in>80%"),
                    PlannerOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "network-in>80% needs every broker's capacity, and broker 0 has none");
  }
}
