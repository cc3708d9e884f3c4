package dev.ballast.core.plan;

import static dev.ballast.core.plan.Clusters.UNIT;
import static dev.ballast.core.plan.Clusters.brokers;
import static dev.ballast.core.plan.Clusters.rf1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRendererTest {

  private static final Plan FOUR_ONE_ONE =
      Clusters.plan(ClusterModel.of(brokers(3), rf1("traffic", UNIT, 4, 1, 1)));

  @Test
  void reassignmentJsonIsWhatKafkaReassignPartitionsAccepts() {
    String json = PlanRenderer.reassignmentJson(FOUR_ONE_ONE);
    List<String> lines = new ArrayList<>();
    for (Action a : FOUR_ONE_ONE.actions()) {
      lines.add(
          "{\"topic\":\"traffic\",\"partition\":"
              + a.partition()
              + ",\"replicas\":["
              + a.newReplicas().get(0)
              + "],\"log_dirs\":[\"any\"]}");
    }
    assertThat(json.replaceAll("\\s", ""))
        .isEqualTo("{\"version\":1,\"partitions\":[" + String.join(",", lines) + "]}");
    assertThat(FOUR_ONE_ONE.actions())
        .extracting(a -> a.newReplicas().get(0))
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void rollbackJsonPutsEveryChangedPartitionBack() {
    String json = PlanRenderer.rollbackJson(FOUR_ONE_ONE).replaceAll("\\s", "");
    assertThat(json).startsWith("{\"version\":1,\"partitions\":[");
    for (Action a : FOUR_ONE_ONE.actions()) {
      assertThat(json)
          .contains(
              "{\"topic\":\"traffic\",\"partition\":"
                  + a.partition()
                  + ",\"replicas\":[0],\"log_dirs\":[\"any\"]}");
    }
  }

  @Test
  void leadershipTransferPutsTheNewLeaderFirst() {
    List<Partition> partitions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      partitions.add(Partition.of("t", i, List.of(2, 0, 1), UNIT));
    }
    ClusterModel model =
        ClusterModel.of(
            Clusters.with(brokers(3), 2, dev.ballast.core.model.BrokerState.SLOW), partitions);
    Plan plan = Clusters.plan(model);
    assertThat(plan.actions()).hasSize(3);
    for (Action a : plan.actions()) {
      assertThat(a.newReplicas().get(0)).isEqualTo(a.newLeader()).isIn(0, 1);
      assertThat(a.newReplicas()).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void tableNamesEveryActionGoalAndBroker() {
    String table = PlanRenderer.table(FOUR_ONE_ONE, 50);
    assertThat(table)
        .startsWith(
            "Plan: 2 replica moves, 0 leadership transfers, 2 partitions changed, 2.0 GiB to move")
        .contains("network-in", "Hard goals", "Brokers (before -> after)")
        .contains("move traffic-");
    assertThat(PlanRenderer.table(FOUR_ONE_ONE, 1)).contains("... 1 more actions");
  }

  @Test
  void jsonCarriesTheSummary() {
    String json = PlanRenderer.json(FOUR_ONE_ONE).replaceAll("\\s", "");
    assertThat(json).contains("\"replicaMoves\":2", "\"bytesToMove\":2147483648", "\"actions\":[");
  }
}
