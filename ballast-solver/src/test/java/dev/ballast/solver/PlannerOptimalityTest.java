package dev.ballast.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.plan.Planner;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The planner against the CP-SAT optimum on small random problems ({@link RandomInstances}): it
 * reaches balance whenever balance is reachable, and moves few bytes more than the optimum. A solve
 * that hits its time limit is "unknown": it proves nothing and counts for nothing.
 */
class PlannerOptimalityTest {

  private static final SolverLimits LIMITS =
      new SolverLimits(Duration.ofSeconds(2), 2, /* residual= */ false);

  /** The seeded suite the ratio targets are asserted on (docs/BENCHMARKS.md has wider figures). */
  private static final int SUITE = 60;

  @Property(tries = 12, seed = "20261129")
  void planIsBalancedWheneverTheSolverFindsBalanceReachable(
      @ForAll @LongRange(min = 1_000, max = 1_000_000) long seed) {
    Comparison c = Comparison.of(RandomInstances.of(seed), LIMITS);

    if (Boolean.TRUE.equals(c.reachable())) {
      assertThat(c.heuristicBalanced()).as("seed %d: balance is reachable", seed).isTrue();
    }
    if (c.proven()) {
      assertThat(c.heuristicBytes())
          .as("seed %d: not balanced means nothing to compare", seed)
          .isGreaterThanOrEqualTo(c.heuristicBalanced() ? c.optimumBytes() : 0);
    }
  }

  @Example
  void seededSuiteMeetsTheOptimalityTargets() {
    OptimalitySuite suite = OptimalitySuite.run(1, SUITE, LIMITS);

    assertThat(suite.rated().size()).as(suite.summaryLine()).isGreaterThanOrEqualTo(10);
    assertThat(suite.balancedWhenReachable()).as(suite.summaryLine()).isEqualTo(suite.reachable());
    assertThat(suite.meanRatio()).as(suite.summaryLine()).isLessThanOrEqualTo(1.10);
    assertThat(suite.worst().ratio()).as(suite.summaryLine()).isLessThanOrEqualTo(1.5);
  }

  @Example
  void aPlannerThatMovesNothingFailsTheSuite() {
    OptimalitySuite suite =
        OptimalitySuite.run(
            1, 8, LIMITS, i -> new Planner(i.options()).planTo(i.model(), i.model()));

    assertThat(suite.reachable()).isPositive();
    assertThat(suite.balancedWhenReachable()).isLessThan(suite.reachable());
  }
}
