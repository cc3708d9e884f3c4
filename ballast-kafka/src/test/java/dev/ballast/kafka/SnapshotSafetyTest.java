package dev.ballast.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * What the snapshot makes of fenced brokers (KIP-1073) and cordoned log dirs (KIP-1066): neither
 * ever receives a replica in a plan.
 */
class SnapshotSafetyTest {

  /** Broker 0 holds six 1 MB/s partitions; 1 is fenced, 2 fully cordoned, 3 and 4 empty. */
  private static ClusterDescription cluster() {
    List<ClusterDescription.Partition> parts = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      parts.add(new ClusterDescription.Partition(i, 0, List.of(0), List.of(0)));
    }
    return new ClusterDescription(
        "c",
        0,
        List.of(
            new ClusterDescription.Broker(0, "h", 1, null, false),
            new ClusterDescription.Broker(1, "h", 2, null, true),
            new ClusterDescription.Broker(2, "h", 3, null, false),
            new ClusterDescription.Broker(3, "h", 4, null, false),
            new ClusterDescription.Broker(4, "h", 5, null, false)),
        Map.of("t", parts));
  }

  private static Map<TopicPartition, PartitionLoad> loads() {
    Map<TopicPartition, PartitionLoad> loads = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      loads.put(new TopicPartition("t", i), new PartitionLoad(1e6, 1e6, 100, 1_000_000));
    }
    return loads;
  }

  @Test
  void fencedAndFullyCordonedBrokersAreNeverDestinations() {
    ClusterModel model = SnapshotReader.toModel(cluster(), loads(), Map.of(), t -> true, Set.of(2));

    assertThat(model.brokers().get(1).state()).isEqualTo(BrokerState.DEAD);
    assertThat(model.brokers().get(2).state()).isEqualTo(BrokerState.EXCLUDED);
    Plan plan = new Planner(PlannerOptions.defaults()).plan(model);
    assertThat(plan.actions()).isNotEmpty();
    for (Action a : plan.actions()) {
      assertThat(a.newReplicas()).doesNotContain(1, 2);
    }
  }

  @Test
  void withoutTheFencedFlagAndCordoningTheSameBrokersWouldReceive() {
    // The broken case: the same cluster read as if nothing were fenced or cordoned.
    ClusterDescription c = cluster();
    ClusterDescription unfenced =
        new ClusterDescription(
            c.clusterId(),
            c.controllerId(),
            c.brokers().stream()
                .map(
                    b -> new ClusterDescription.Broker(b.id(), b.host(), b.port(), b.rack(), false))
                .toList(),
            c.topics());
    ClusterModel model = SnapshotReader.toModel(unfenced, loads(), Map.of(), t -> true);

    Plan plan = new Planner(PlannerOptions.defaults()).plan(model);
    assertThat(plan.actions().stream().flatMap(a -> a.newReplicas().stream())).contains(1, 2);
  }

  @Test
  void anOperatorsDrainOverridesCordoningAndAFencedBrokerStaysDead() {
    ClusterModel model =
        SnapshotReader.toModel(
            cluster(), loads(), Map.of(2, BrokerState.DRAINING), t -> true, Set.of(1, 2));

    assertThat(model.brokers().get(1).state()).isEqualTo(BrokerState.DEAD);
    assertThat(model.brokers().get(2).state()).isEqualTo(BrokerState.DRAINING);
  }

  @Test
  void onlyABrokerWithEveryDirCordonedCountsAsFullyCordoned() {
    Map<Integer, LogDirs> dirs =
        Map.of(
            0, new LogDirs(Set.of("/a", "/b"), Set.of("/a")),
            1, new LogDirs(Set.of("/a", "/b"), Set.of("/a", "/b")),
            2, new LogDirs(Set.of(), Set.of()));

    assertThat(ClusterDescriber.fullyCordoned(dirs)).containsExactly(1);
  }
}
