package dev.ballast.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact solver on scenarios whose optimum is known by hand. */
class ExactPlannerTest {

  private static final long GIB = 1L << 30;
  private static final SolverLimits LIMITS = SolverLimits.of(Duration.ofSeconds(10));
  private static final PlannerOptions NETWORK_IN =
      PlannerOptions.defaults().withWeights(Map.of(Goal.NETWORK_IN, 1.0));

  private static PartitionLoad load(double mbps, long size) {
    return new PartitionLoad(mbps * 1e6, 0, 1000, size);
  }

  private static ClusterModel cluster(List<Broker> brokers, int[][] placement, long[] sizes) {
    List<Partition> ps = new ArrayList<>();
    for (int p = 0; p < placement.length; p++) {
      List<Integer> replicas = new ArrayList<>();
      for (int b : placement[p]) {
        replicas.add(b);
      }
      ps.add(Partition.of("t", p, replicas, load(1, sizes[p])));
    }
    return ClusterModel.of(brokers, ps);
  }

  private static List<Broker> alive(int n) {
    List<Broker> bs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      bs.add(Broker.alive(i));
    }
    return bs;
  }

  private static ExactResult solve(ClusterModel model, PlannerOptions options) {
    Plan heuristic = new Planner(options).plan(model);
    return new ExactPlanner(options, LIMITS).solve(model, heuristic);
  }

  @Test
  void fourOneOneMovesTheTwoSmallestPartitionsOffTheLoadedBroker() {
    long[] sizes = {4 * GIB, 1 * GIB, 3 * GIB, 2 * GIB, 1 * GIB, 1 * GIB};
    ClusterModel model = cluster(alive(3), new int[][] {{0}, {0}, {0}, {0}, {1}, {2}}, sizes);

    ExactResult r = solve(model, NETWORK_IN);

    assertThat(r.outcome()).isEqualTo(Outcome.OPTIMAL);
    assertThat(r.balanceReachable()).isTrue();
    // Two of broker 0's partitions must leave; the cheapest two are 1 GiB and 2 GiB.
    assertThat(r.bytesMoved()).isEqualTo(3 * GIB);
    assertThat(r.lowerBound()).isEqualTo(3 * GIB);
    assertThat(r.gap()).isZero();
    Plan exact = new Planner(NETWORK_IN).planTo(model, r.target());
    assertThat(exact.summary().bytesToMove()).isEqualTo(3 * GIB);
    assertThat(exact.summary().goal(Goal.NETWORK_IN).met()).isTrue();
    assertThat(exact.actions()).hasSize(2);
  }

  @Test
  void drainingBrokerEndsEmptyAndRacksStaySpread() {
    List<Broker> bs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      BrokerState state = i == 2 ? BrokerState.DRAINING : BrokerState.ALIVE;
      bs.add(new Broker(i, "rack-" + (i % 3), state, null));
    }
    int[][] placement = {{0, 1, 2}, {2, 3, 4}, {5, 0, 1}, {3, 4, 2}, {1, 2, 3}, {4, 5, 0}};
    long[] sizes = {GIB, GIB, GIB, GIB, GIB, GIB};
    ClusterModel model = cluster(bs, placement, sizes);
    PlannerOptions options = PlannerOptions.defaults();

    ExactResult r = solve(model, options);

    assertThat(r.found()).isTrue();
    for (Partition p : r.target().partitions()) {
      assertThat(p.replicas()).hasSize(3).doesNotContain(2);
      Set<String> racks = new HashSet<>();
      p.replicas().forEach(id -> racks.add(bs.get(id).rack()));
      assertThat(racks).as("racks of %s", p.name()).hasSize(3);
      assertThat(p.replicas()).contains(p.leader());
    }
    // Four replicas sit on broker 2; each must be copied somewhere, so at least 4 GiB move.
    assertThat(r.bytesMoved()).isGreaterThanOrEqualTo(4 * GIB);
  }

  @Test
  void oneHotPartitionMakesBalanceUnreachableAndTheResidualStageStillPlans() {
    ClusterModel model =
        ClusterModel.of(
            alive(2),
            List.of(
                Partition.of("t", 0, List.of(0), load(10, GIB)),
                Partition.of("t", 1, List.of(0), load(1, GIB)),
                Partition.of("t", 2, List.of(0), load(1, GIB))));

    ExactResult r = solve(model, NETWORK_IN);

    assertThat(r.balanceReachable()).isFalse();
    assertThat(r.balanced()).isFalse();
    assertThat(r.found()).isTrue();
    // The least violation: the two small partitions on broker 1 next to the hot one alone.
    Partition hot = r.target().partitions().get(0);
    Partition small = r.target().partitions().get(1);
    Partition other = r.target().partitions().get(2);
    assertThat(small.replicas()).isEqualTo(other.replicas()).isNotEqualTo(hot.replicas());
    assertThat(r.bytesMoved()).isEqualTo(GIB * (hot.replicas().equals(List.of(0)) ? 2 : 1));

    ExactResult bare =
        new ExactPlanner(NETWORK_IN, LIMITS.withoutResidual())
            .solve(model, new Planner(NETWORK_IN).plan(model));
    assertThat(bare.outcome()).isEqualTo(Outcome.INFEASIBLE);
    assertThat(bare.found()).isFalse();
  }

  @Test
  void refusesClustersAboveTheSizeLimitInOneLine() {
    List<Partition> ps = new ArrayList<>();
    for (int p = 0; p < ExactPlanner.MAX_REPLICAS / 3 + 1; p++) {
      ps.add(Partition.of("t", p, List.of(0, 1, 2), load(1, GIB)));
    }
    ClusterModel model = ClusterModel.of(alive(3), ps);

    assertThat(ExactPlanner.tooLarge(model))
        .contains("up to 5,000 replicas")
        .contains("5,001")
        .doesNotContain("\n");
    assertThat(ExactPlanner.tooLarge(cluster(alive(3), new int[][] {{0}}, new long[] {1})))
        .isNull();
  }

  @Test
  void goalsTheSolverBalancesAreTheOnesThePlannerReports() {
    RandomInstances.Instance instance = RandomInstances.of(1);
    Plan heuristic = new Planner(instance.options()).plan(instance.model());
    ExactResult r = new ExactPlanner(instance.options(), LIMITS).solve(instance.model(), heuristic);

    assertThat(r.balanced()).isTrue();
    Plan exact = new Planner(instance.options()).planTo(instance.model(), r.target());
    for (GoalReport g : exact.summary().goals()) {
      assertThat(g.weight() <= 0 || g.met()).as("%s met by the exact plan", g.goal()).isTrue();
    }
    assertThat(r.bytesMoved()).isLessThanOrEqualTo(heuristic.summary().bytesToMove());
    assertThat(exact.summary().bytesToMove()).isEqualTo(r.bytesMoved());
  }
}
