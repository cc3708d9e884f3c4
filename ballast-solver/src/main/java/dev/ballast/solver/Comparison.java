package dev.ballast.solver;

import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.solver.RandomInstances.Instance;
import java.util.function.Function;

/**
 * The planner's plan of one problem next to the exact optimum.
 *
 * @param seed the problem's seed
 * @param replicas the problem's replica count
 * @param outcome how the exact solve ended
 * @param reachable whether a balanced placement exists (null: unknown within the time limit)
 * @param heuristicBalanced whether the planner's plan meets every weighted goal
 * @param heuristicBytes the bytes the planner's plan moves
 * @param optimumBytes the fewest bytes of a balanced placement (when proven), else -1
 * @param solverSeconds the exact solve's wall time
 */
public record Comparison(
    long seed,
    long replicas,
    Outcome outcome,
    Boolean reachable,
    boolean heuristicBalanced,
    long heuristicBytes,
    long optimumBytes,
    double solverSeconds) {

  /** Plans {@code instance} with the planner and with the exact solver within {@code limits}. */
  public static Comparison of(Instance instance, SolverLimits limits) {
    return of(instance, limits, i -> new Planner(i.options()).plan(i.model()));
  }

  /**
   * Plans {@code instance} with {@code planner} and with the exact solver within {@code limits}.
   */
  public static Comparison of(
      Instance instance, SolverLimits limits, Function<Instance, Plan> planner) {
    Plan plan = planner.apply(instance);
    ExactResult exact =
        new ExactPlanner(instance.options(), limits.withoutResidual())
            .solve(instance.model(), plan);
    boolean balanced = true;
    for (GoalReport g : plan.summary().goals()) {
      balanced &= g.weight() <= 0 || g.met();
    }
    return new Comparison(
        instance.seed(),
        instance.model().replicaCount(),
        exact.outcome(),
        exact.balanceReachable(),
        balanced,
        plan.summary().bytesToMove(),
        exact.outcome() == Outcome.OPTIMAL ? exact.bytesMoved() : -1,
        exact.seconds());
  }

  /** Returns whether the optimum is proven, so the ratio means something. */
  public boolean proven() {
    return optimumBytes >= 0;
  }

  /**
   * Returns the planner's bytes over the optimum's: 1 when both move nothing, infinity when only
   * the planner moves, NaN when the optimum is not proven or the planner did not reach balance.
   */
  public double ratio() {
    if (!proven() || !heuristicBalanced) {
      return Double.NaN;
    }
    if (optimumBytes == 0) {
      return heuristicBytes == 0 ? 1 : Double.POSITIVE_INFINITY;
    }
    return (double) heuristicBytes / optimumBytes;
  }
}
