package dev.ballast.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.ClusterModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeds on which planning the result again once proposed moves (found by the property test): on
 * 911968723900 the balancing moved replicas off an excluded broker, which added load to the
 * receiving brokers that the targets did not count.
 */
class PlannerFixedPointTest {

  @ParameterizedTest
  @ValueSource(longs = {911968723900L})
  void planningTheResultAgainProposesNothing(long seed) {
    ClusterModel model = RandomClusters.of(seed);
    Planner planner = new Planner(PlannerOptions.defaults());
    Plan plan = planner.plan(model);
    Plan again = planner.plan(plan.applyTo(model));
    assertThat(again.actions()).extracting(Action::detail).isEmpty();
  }
}
