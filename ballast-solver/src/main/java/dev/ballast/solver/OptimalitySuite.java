package dev.ballast.solver;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.solver.RandomInstances.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The planner against the exact optimum over a seeded series of {@link RandomInstances}: how often
 * it reaches balance when balance is reachable, and its bytes moved over the optimum's.
 *
 * @param comparisons one per problem, in seed order
 */
public record OptimalitySuite(List<Comparison> comparisons) {

  /** Copies the list. */
  public OptimalitySuite {
    comparisons = List.copyOf(requireNonNull(comparisons, "comparisons"));
  }

  /** Runs problems {@code firstSeed} to {@code firstSeed + count - 1} within {@code limits}. */
  public static OptimalitySuite run(long firstSeed, int count, SolverLimits limits) {
    return run(firstSeed, count, limits, i -> new Planner(i.options()).plan(i.model()));
  }

  /** Runs the same problems with {@code planner} in place of Ballast's. */
  public static OptimalitySuite run(
      long firstSeed, int count, SolverLimits limits, Function<Instance, Plan> planner) {
    List<Comparison> out = new ArrayList<>();
    for (long s = firstSeed; s < firstSeed + count; s++) {
      out.add(Comparison.of(RandomInstances.of(s), limits, planner));
    }
    return new OptimalitySuite(out);
  }

  /** Returns how many problems have a proven balanced placement. */
  public int reachable() {
    return (int) comparisons.stream().filter(c -> Boolean.TRUE.equals(c.reachable())).count();
  }

  /** Returns how many problems the planner balanced among those where balance is reachable. */
  public int balancedWhenReachable() {
    return (int)
        comparisons.stream()
            .filter(c -> Boolean.TRUE.equals(c.reachable()) && c.heuristicBalanced())
            .count();
  }

  /** Returns how many problems the solver left unknown (time limit). */
  public int unknown() {
    return (int) comparisons.stream().filter(c -> c.reachable() == null).count();
  }

  /** Returns the problems with a proven optimum and a balanced plan, whose ratio counts. */
  public List<Comparison> rated() {
    return comparisons.stream().filter(c -> !Double.isNaN(c.ratio())).toList();
  }

  /** Returns the mean of bytes moved over the optimum, over {@link #rated}; NaN when none. */
  public double meanRatio() {
    return rated().stream().mapToDouble(Comparison::ratio).average().orElse(Double.NaN);
  }

  /** Returns the problem with the worst ratio, or null when none is rated. */
  public Comparison worst() {
    Comparison worst = null;
    for (Comparison c : rated()) {
      if (worst == null || c.ratio() > worst.ratio()) {
        worst = c;
      }
    }
    return worst;
  }

  /** Returns one line of figures: counts, mean and worst ratio. */
  public String summaryLine() {
    Comparison w = worst();
    return String.format(
        "%d problems: balance reachable in %d, planner balanced %d of them, %d unknown (time"
            + " limit); bytes moved / optimum over %d rated: mean %.3fx, worst %.3fx (seed %s)",
        comparisons.size(),
        reachable(),
        balancedWhenReachable(),
        unknown(),
        rated().size(),
        meanRatio(),
        w == null ? Double.NaN : w.ratio(),
        w == null ? "-" : Long.toString(w.seed()));
  }
}
