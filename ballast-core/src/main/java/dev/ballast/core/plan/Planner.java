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

  private static final int MAX_REPAIR_ROUNDS = 5;

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
    HardGoalRepair repair = new HardGoalRepair(st, obj, moves);
    repair.run();
    obj.retarget(/* estimate= */ false);
    Balancer balancer = new Balancer(st, obj, moves, options.maxPasses());
    balancer.run();
    // Balancing can make room a repair lacked (a broker above capacity, a drain with no space):
    // repair and balance again until neither changes anything.
    for (int round = 0; round < MAX_REPAIR_ROUNDS && repair.run(); round++) {
      obj.retarget(/* estimate= */ false);
      balancer.run();
    }
    // Take back bytes the greedy search spent early and no longer needs; balance again after.
    MoveTrimmer trimmer = new MoveTrimmer(st, obj, moves);
    for (int round = 0; round < MAX_REPAIR_ROUNDS && trimmer.run(); round++) {
      balancer.run();
    }
    return builder.build(moves, balancer.converged());
  }

  /**
   * Returns the plan that takes {@code model} to the placement of {@code target} (the same
   * partitions, other replicas and leaders; for instance an exact solver's), explained and
   * summarised as {@link #plan} does.
   */
  public Plan planTo(ClusterModel model, ClusterModel target) {
    requireNonNull(model, "model");
    requireNonNull(target, "target");
    PlacementState st = new PlacementState(model, options.excludedTopics());
    Objective obj = new Objective(st, options);
    PlanBuilder builder = new PlanBuilder(st, obj, options);
    Moves moves = new Moves(st, obj);
    TargetPlacement.apply(st, obj, moves, target);
    obj.retarget(/* estimate= */ false);
    return builder.build(moves, /* converged= */ true);
  }
}
