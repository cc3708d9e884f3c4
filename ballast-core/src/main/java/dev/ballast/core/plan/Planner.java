package dev.ballast.core.plan;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.model.ClusterModel;

/**
 * Plans a movement-minimal reassignment: first the actions hard goals demand (drain, dead and slow
 * brokers, racks, capacity), then greedy balancing of the weighted soft goals, best objective per
 * byte first. Pure and deterministic: the same model and options give the same plan.
 *
 * <pre>{@code
 * Plan plan = new Planner(PlannerOptions.defaults()).plan(model);
 * }</pre>
 */
public final class Planner {

  private final PlannerOptions options;

  /** Creates a planner with {@code options}. */
  public Planner(PlannerOptions options) {
    this.options = requireNonNull(options, "options");
  }

  /** Returns the plan for {@code model}. */
  public Plan plan(ClusterModel model) {
    requireNonNull(model, "model");
    PlacementState st = new PlacementState(model, options.excludedTopics());
    Objective obj = new Objective(st, options);
    PlanBuilder builder = new PlanBuilder(st, obj, options);
    Moves moves = new Moves(st, obj);
    new HardGoalRepair(st, obj, moves).run();
    Balancer balancer = new Balancer(st, obj, moves, options.maxPasses());
    balancer.run();
    return builder.build(moves, balancer.converged());
  }
}
