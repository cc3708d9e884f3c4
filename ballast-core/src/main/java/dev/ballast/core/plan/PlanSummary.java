package dev.ballast.core.plan;

import java.util.List;

/**
 * The figures of a plan.
 *
 * @param replicaMoves replicas copied to brokers that did not hold them
 * @param leadershipTransfers actions that only change the leader
 * @param partitionsChanged partitions whose assignment changes
 * @param bytesToMove bytes copied in total
 * @param lowerBoundBytes bytes any plan must move to bring every broker to the load this plan
 *     reaches (see docs/PLANNER.md)
 * @param band the balance band (0.10 = +-10%)
 * @param before the objective before
 * @param after the objective after
 * @param goals each soft goal before and after
 * @param hardGoals each hard goal after
 * @param brokers each broker's load before and after
 * @param converged whether the search ended because nothing improved (not because of maxPasses)
 */
public record PlanSummary(
    int replicaMoves,
    int leadershipTransfers,
    int partitionsChanged,
    long bytesToMove,
    long lowerBoundBytes,
    double band,
    Score before,
    Score after,
    List<GoalReport> goals,
    List<HardGoalReport> hardGoals,
    List<BrokerLoad> brokers,
    boolean converged) {

  /** Copies the lists. */
  public PlanSummary {
    goals = List.copyOf(goals);
    hardGoals = List.copyOf(hardGoals);
    brokers = List.copyOf(brokers);
  }

  /** Returns a copy whose lower bound is {@code bound} (a tighter one, e.g. an exact solver's). */
  public PlanSummary withLowerBound(long bound) {
    return new PlanSummary(
        replicaMoves,
        leadershipTransfers,
        partitionsChanged,
        bytesToMove,
        bound,
        band,
        before,
        after,
        goals,
        hardGoals,
        brokers,
        converged);
  }

  /** Returns whether every weighted, non-idle soft goal is within its band after the plan. */
  public boolean balanced() {
    return goals.stream().allMatch(g -> g.weight() <= 0 || g.met());
  }

  /** Returns the report of {@code goal}. */
  public GoalReport goal(Goal goal) {
    return goals.stream().filter(r -> r.goal() == goal).findFirst().orElseThrow();
  }

  /** Returns the largest max/mean over the weighted, non-idle resource goals, before the plan. */
  public double worstMaxOverMeanBefore() {
    return goals.stream()
        .filter(r -> r.weight() > 0 && !r.idle() && r.goal() != Goal.TOPIC_SPREAD)
        .mapToDouble(GoalReport::maxOverMeanBefore)
        .max()
        .orElse(1);
  }

  /** Returns the largest max/mean over the weighted, non-idle resource goals, after the plan. */
  public double worstMaxOverMeanAfter() {
    return goals.stream()
        .filter(r -> r.weight() > 0 && !r.idle() && r.goal() != Goal.TOPIC_SPREAD)
        .mapToDouble(GoalReport::maxOverMeanAfter)
        .max()
        .orElse(1);
  }
}
