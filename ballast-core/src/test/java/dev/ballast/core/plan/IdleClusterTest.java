package dev.ballast.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster with no traffic and no data: the objective is a number, never NaN. */
class IdleClusterTest {

  private static final ClusterModel IDLE =
      ClusterModel.of(
          List.of(
              new Broker(0, null, BrokerState.ALIVE, null),
              new Broker(1, null, BrokerState.ALIVE, null)),
          List.of(new Partition("t", 0, List.of(0), 0, List.of(0), PartitionLoad.ZERO)));

  @Test
  void theObjectiveOfAnIdleClusterIsFinite() {
    Plan plan = new Planner(PlannerOptions.defaults()).plan(IDLE);

    assertThat(plan.summary().before().soft()).isFinite();
    assertThat(plan.summary().after().soft()).isFinite();
    assertThat(PlanRenderer.table(plan, 10)).doesNotContain("NaN");
    assertThat(PlanRenderer.json(plan)).doesNotContain("NaN");
  }
}
