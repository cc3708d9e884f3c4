package dev.ballast.app.plan;

import dev.ballast.app.cli.UserException;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.plan.Units;
import dev.ballast.solver.ExactPlanner;
import dev.ballast.solver.ExactResult;
import dev.ballast.solver.Outcome;
import dev.ballast.solver.SolverLimits;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The exact solver behind {@code plan}: {@code --exact} plans with CP-SAT seeded with the heuristic
 * plan and reports the proven gap; without it, a small cluster's balanced plan gets the solver's
 * lower bound ("moved / lower bound").
 */
final class ExactPlanning {

  /** Clusters up to this many replicas get the solver's lower bound with every plan. */
  static final int BOUND_REPLICAS = 2_000;

  /** How long the lower bound may take. */
  static final Duration BOUND_TIME = Duration.ofSeconds(2);

  private ExactPlanning() {}

  /**
   * Returns the exact plan of {@code model} within {@code limit}, or the heuristic one when the
   * solver finds nothing in time; says which, and the gap, on {@code report}.
   */
  static Plan exact(
      ClusterModel model,
      PlannerOptions options,
      Plan heuristic,
      Duration limit,
      PrintWriter report) {
    String refusal = ExactPlanner.tooLarge(model);
    if (refusal != null) {
      throw new UserException("--exact: " + refusal);
    }
    ExactResult r;
    try {
      r = new ExactPlanner(options, SolverLimits.of(limit)).solve(model, heuristic);
    } catch (IllegalStateException e) {
      throw new UserException("--exact: " + e.getMessage());
    }
    long moved = heuristic.summary().bytesToMove();
    if (!r.found()) {
      report.printf(
          "Exact (CP-SAT): %s after %.1f s; the plan below is the heuristic's (%s).%n%n",
          r.outcome() == Outcome.INFEASIBLE
              ? "no placement meets the hard goals"
              : "no placement found within --time-limit",
          r.seconds(),
          Units.bytes(moved));
      return heuristic;
    }
    if (r.balanced() && heuristic.summary().balanced() && moved < r.bytesMoved()) {
      // The hint is the heuristic's plan, but rounding at a band's edge can make the model refuse
      // it; a balanced heuristic plan that moves no more is then the best placement known.
      long bound = Math.min(moved, Math.max(r.lowerBound(), heuristic.summary().lowerBoundBytes()));
      report.printf(
          "Exact (CP-SAT): the heuristic plan is the best found within --time-limit (solver: %s),"
              + " proven lower bound %s, gap %.1f%%, in %.1f s.%n%n",
          Units.bytes(r.bytesMoved()),
          Units.bytes(bound),
          moved == 0 ? 0 : 100.0 * (moved - bound) / moved,
          r.seconds());
      return heuristic.withSummary(heuristic.summary().withLowerBound(bound));
    }
    report.printf(
        "Exact (CP-SAT): %s, %s%s to move, proven lower bound %s, gap %.1f%%, in %.1f s"
            + " (heuristic: %s).%n%n",
        r.outcome() == Outcome.OPTIMAL ? "optimal" : "best found within --time-limit",
        r.balanced() ? "" : "no placement within every band; least violation, ",
        Units.bytes(r.bytesMoved()),
        Units.bytes(r.lowerBound()),
        100 * r.gap(),
        r.seconds(),
        Units.bytes(moved));
    Plan exact = new Planner(options).planTo(model, r.target());
    long bound = Math.max(r.lowerBound(), r.balanced() ? exact.summary().lowerBoundBytes() : 0);
    return exact.withSummary(exact.summary().withLowerBound(Math.min(bound, r.bytesMoved())));
  }

  /**
   * Returns {@code plan} with the solver's lower bound when that is cheap (a balanced plan of a
   * cluster of up to {@link #BOUND_REPLICAS} replicas), saying on {@code report} which bound it
   * shows.
   */
  static Plan withSolverBound(
      ClusterModel model, PlannerOptions options, Plan plan, PrintWriter report) {
    if (plan.isEmpty()) {
      return plan;
    }
    long replicas = model.replicaCount();
    if (replicas > BOUND_REPLICAS) {
      report.printf(
          "Lower bound: the knapsack bound (the solver's is computed up to %,d replicas; this"
              + " cluster has %,d; plan --exact takes up to %,d).%n%n",
          BOUND_REPLICAS, replicas, ExactPlanner.MAX_REPLICAS);
      return plan;
    }
    if (!plan.summary().balanced()) {
      report.printf(
          "Lower bound: the knapsack bound for the balance this plan reaches (not every band is"
              + " reachable, so the solver's bound for the band does not apply).%n%n");
      return plan;
    }
    ExactResult r;
    try {
      r =
          new ExactPlanner(options, new SolverLimits(BOUND_TIME, 2, /* residual= */ false))
              .solve(model, plan);
    } catch (IllegalStateException e) {
      report.printf("Lower bound: the knapsack bound (no solver: %s).%n%n", e.getMessage());
      return plan;
    }
    long knapsack = plan.summary().lowerBoundBytes();
    if (!r.found() || r.lowerBound() <= knapsack) {
      report.printf(
          "Lower bound: the knapsack bound (the CP-SAT bound within %d s was not tighter).%n%n",
          BOUND_TIME.toSeconds());
      return plan;
    }
    long bound = Math.min(r.lowerBound(), plan.summary().bytesToMove());
    report.printf(
        "Lower bound: CP-SAT's, %s (knapsack: %s)%s.%n%n",
        Units.bytes(bound),
        Units.bytes(knapsack),
        r.outcome() == Outcome.OPTIMAL
            ? "; proven optimum " + Units.bytes(r.bytesMoved())
            : ", within " + BOUND_TIME.toSeconds() + " s");
    return plan.withSummary(plan.summary().withLowerBound(bound));
  }
}
