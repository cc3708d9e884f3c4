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

  /**
   * Returns the plan for {@code model}. A cluster of up to {@link Refiner#MAX_REPLICAS} replicas is
   * planned with each of {@link SearchTuning#SMALL} and the best plan kept (lowest objective, then
   * fewest bytes), and when that plan is balanced, an {@link Annealer} looks for a balanced one
   * that copies fewer bytes; a larger one with {@link SearchTuning#DEFAULT} only.
   */
  public Plan plan(ClusterModel model) {
    requireNonNull(model, "model");
    boolean small = model.replicaCount() <= Refiner.MAX_REPLICAS;
    Attempt best = null;
    for (SearchTuning tuning :
        small ? SearchTuning.SMALL : new SearchTuning[] {SearchTuning.DEFAULT}) {
      Attempt a = attempt(model, tuning);
      int cmp = best == null ? -1 : a.score().compareTo(best.score());
      if (cmp < 0 || (cmp == 0 && a.moves().bytes() < best.moves().bytes())) {
        best = a;
      }
    }
    if (small) {
      new Annealer(best.st(), best.obj(), best.moves()).run();
    }
    boolean converged = best.converged() && (!small || polish(best));
    return best.builder().build(best.moves(), converged);
  }

  /** One search's end state, not yet turned into a plan. */
  private record Attempt(
      PlacementState st,
      Objective obj,
      PlanBuilder builder,
      Moves moves,
      Score score,
      boolean converged) {}

  /**
   * Balances the kept attempt's end state with every tuning until none improves it, and returns
   * whether each of those searches converged. Each tuning's search stops where it sees no step, and
   * another tuning's may still see one: without this, planning the result again would propose
   * moves, and a plan would not be a fixed point.
   */
  private boolean polish(Attempt a) {
    Score score = a.score();
    boolean converged = true;
    for (int round = 0; round < MAX_REPAIR_ROUNDS; round++) {
      converged = true;
      if (new HardGoalRepair(a.st(), a.obj(), a.moves()).run()) {
        a.obj().retarget(/* estimate= */ false);
      }
      for (SearchTuning tuning : SearchTuning.SMALL) {
        Balancer balancer = new Balancer(a.st(), a.obj(), a.moves(), options.maxPasses(), tuning);
        balancer.run();
        converged &= balancer.converged();
      }
      Score after = new Score(a.obj().hard(), a.obj().soft(a.st().load, a.st().topicCount));
      if (after.compareTo(score) >= 0) {
        break;
      }
      score = after;
    }
    return converged;
  }

  private Attempt attempt(ClusterModel model, SearchTuning tuning) {
    PlacementState st = new PlacementState(model, options.excludedTopics());
    Objective obj = new Objective(st, options);
    PlanBuilder builder = new PlanBuilder(st, obj, options);
    Moves moves = new Moves(st, obj);
    HardGoalRepair repair = new HardGoalRepair(st, obj, moves);
    repair.run();
    obj.retarget(/* estimate= */ false);
    Balancer balancer = new Balancer(st, obj, moves, options.maxPasses(), tuning);
    balancer.run();
    // Balancing can make room a repair lacked (a broker above capacity, a drain with no space):
    // repair and balance again until neither changes anything.
    for (int round = 0; round < MAX_REPAIR_ROUNDS && repair.run(); round++) {
      obj.retarget(/* estimate= */ false);
      balancer.run();
    }
    if (st.replica.length <= Refiner.MAX_REPLICAS) {
      // Take back bytes the greedy search spent early and no longer needs (on a large cluster
      // the greedy plan is already within a fraction of a percent of its lower bound, and
      // another balancing pass per trim round would cost seconds).
      MoveTrimmer trimmer = new MoveTrimmer(st, obj, moves);
      for (int round = 0; round < MAX_REPAIR_ROUNDS && trimmer.run(); round++) {
        balancer.run();
      }
      // Refining a balanced state only saves bytes, and on a few hundred replicas the annealer
      // does that better and faster (on more, its walks are too short for that many replicas).
      boolean annealedOnly = st.replica.length <= Annealer.THOROUGH_REPLICAS && balanced(st, obj);
      if (!annealedOnly && new Refiner(st, obj, moves, balancer).run()) {
        balancer.run();
      }
      // Trimming and refining can free the room a repair lacked before: repair what it can now.
      for (int round = 0; round < MAX_REPAIR_ROUNDS && repair.run(); round++) {
        obj.retarget(/* estimate= */ false);
        balancer.run();
      }
    }
    Score score = new Score(obj.hard(), obj.soft(st.load, st.topicCount));
    return new Attempt(st, obj, builder, moves, score, balancer.converged());
  }

  private static boolean balanced(PlacementState st, Objective obj) {
    return obj.hard() < Objective.EPS && obj.soft(st.load, st.topicCount) <= Objective.EPS;
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
