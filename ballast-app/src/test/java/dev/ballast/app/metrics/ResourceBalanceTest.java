package dev.ballast.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.PlannerOptions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResourceBalanceTest {

  private static final PlannerOptions OPTIONS = PlannerOptions.defaults();

  @Test
  void skewedClusterIsTwiceTheMeanOnEveryBusyResource() {
    Map<Goal, ResourceBalance> b = byGoal(Fixtures.skewed());
    for (Goal g : List.of(Goal.NETWORK_IN, Goal.MESSAGES, Goal.DISK, Goal.REPLICAS)) {
      assertThat(b.get(g).maxOverMean()).as(g.label()).isCloseTo(2.0, within(1e-9));
      assertThat(b.get(g).relativeStddev()).as(g.label()).isCloseTo(Math.sqrt(0.5), within(1e-9));
      assertThat(b.get(g).brokers()).isEqualTo(3);
    }
    assertThat(b.get(Goal.REPLICAS).mean()).isEqualTo(2.0);
    assertThat(b.get(Goal.REPLICAS).max()).isEqualTo(4.0);
  }

  @Test
  void brokersThatReceiveNothingAreLeftOut() {
    // broker 3 is draining: the other two hold 4 and 1 replicas
    ClusterModel model = Fixtures.skewed().withBrokerState(3, BrokerState.DRAINING);
    ResourceBalance replicas = byGoal(model).get(Goal.REPLICAS);
    assertThat(replicas.brokers()).isEqualTo(2);
    assertThat(replicas.mean()).isEqualTo(2.5);
    assertThat(replicas.maxOverMean()).isCloseTo(4 / 2.5, within(1e-9));
  }

  @Test
  void idleResourcesAreFlaggedAndDoNotCountInTheScore() {
    List<Broker> brokers = List.of(Broker.alive(1), Broker.alive(2));
    PartitionLoad trickle = new PartitionLoad(10, 0, 0.1, 1000);
    ClusterModel model =
        ClusterModel.of(
            brokers,
            List.of(
                Partition.of("t", 0, List.of(1), trickle),
                Partition.of("t", 1, List.of(1), trickle),
                Partition.of("t", 2, List.of(2), trickle)));
    List<ResourceBalance> all = ResourceBalance.calculate(model, OPTIONS);
    Map<Goal, ResourceBalance> b = byGoal(all);
    assertThat(b.get(Goal.NETWORK_IN).idle()).isTrue();
    assertThat(b.get(Goal.NETWORK_OUT).maxOverMean()).isEqualTo(1.0); // mean 0: balanced
    assertThat(b.get(Goal.NETWORK_OUT).relativeStddev()).isZero();
    assertThat(b.get(Goal.REPLICAS).idle()).isFalse();
    // only replicas and leaders (2 vs 1, mean 1.5) count
    assertThat(ResourceBalance.worstMaxOverMean(all, OPTIONS)).isCloseTo(2 / 1.5, within(1e-9));
  }

  @Test
  void noReceivingBrokerMeansNoFigures() {
    ClusterModel model =
        Fixtures.skewed()
            .withBrokerStates(
                Map.of(1, BrokerState.DEAD, 2, BrokerState.DEAD, 3, BrokerState.EXCLUDED));
    List<ResourceBalance> all = ResourceBalance.calculate(model, OPTIONS);
    assertThat(all).isEmpty();
    assertThat(ResourceBalance.worstMaxOverMean(all, OPTIONS)).isEqualTo(1.0);
  }

  private static Map<Goal, ResourceBalance> byGoal(ClusterModel model) {
    return byGoal(ResourceBalance.calculate(model, OPTIONS));
  }

  private static Map<Goal, ResourceBalance> byGoal(List<ResourceBalance> all) {
    return all.stream().collect(Collectors.toMap(ResourceBalance::resource, Function.identity()));
  }
}
