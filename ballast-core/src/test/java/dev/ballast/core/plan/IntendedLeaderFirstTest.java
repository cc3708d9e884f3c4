package dev.ballast.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A dead broker's partitions have failed over to a leader that is not their first replica; the plan
 * that re-creates them must list each intended leader first, because the preferred leader election
 * after the moves elects the first replica.
 */
class IntendedLeaderFirstTest {

  @Test
  void everyActionListsItsIntendedLeaderFirstAndLeadersEndBalanced() {
    List<Broker> brokers =
        List.of(Broker.alive(0), Broker.alive(1), new Broker(2, null, BrokerState.DEAD, null));
    int[][] pairs = {{0, 1}, {1, 2}, {2, 0}};
    List<Partition> parts = new ArrayList<>();
    PartitionLoad load = new PartitionLoad(100_000, 100_000, 100, 1_000_000);
    for (int i = 0; i < 12; i++) {
      List<Integer> r = List.of(pairs[i % 3][0], pairs[i % 3][1]);
      int leader = r.get(0) == 2 ? r.get(1) : r.get(0); // failed over from the dead broker
      parts.add(new Partition("heal", i, r, leader, List.of(leader), load));
    }
    ClusterModel model = ClusterModel.of(brokers, parts);

    Plan plan = new Planner(PlannerOptions.defaults()).plan(model);

    assertThat(plan.actions()).isNotEmpty();
    for (Action a : plan.actions()) {
      assertThat(a.newReplicas().get(0)).as(a.name()).isEqualTo(a.newLeader());
      assertThat(a.newReplicas()).doesNotContain(2);
    }
    Map<Integer, Integer> firstReplicas = new TreeMap<>();
    plan.applyTo(model)
        .partitions()
        .forEach(p -> firstReplicas.merge(p.replicas().get(0), 1, Integer::sum));
    assertThat(firstReplicas).containsExactlyInAnyOrderEntriesOf(Map.of(0, 6, 1, 6));
  }
}
