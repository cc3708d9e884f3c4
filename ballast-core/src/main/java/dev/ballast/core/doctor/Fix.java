package dev.ballast.core.doctor;

import java.util.List;

/**
 * Everything the diagnosis asks the operator to do, in order; renderers turn it into commands.
 *
 * @param scaleOut step 1: more brokers, or null when none are needed (done in the cloud or
 *     Kubernetes, never by Ballast)
 * @param rebalance step 2: the planner's reassignments, in the order to run them (onto the new
 *     brokers when there is a scale-out)
 * @param rebalanceSummary one line describing the rebalance's effect, or empty
 * @param preferredElection step 3: partitions to hand back to their preferred leader
 * @param configChanges step 4: topic configs to change
 * @param replicationIncrease step 5: reassignments that add replicas to RF=1 partitions, planned on
 *     the placement after step 2
 */
public record Fix(
    ScaleOut scaleOut,
    List<Reassignment> rebalance,
    String rebalanceSummary,
    List<PartitionRef> preferredElection,
    List<ConfigChange> configChanges,
    List<Reassignment> replicationIncrease) {

  /** Copies the lists. */
  public Fix {
    rebalance = List.copyOf(rebalance);
    preferredElection = List.copyOf(preferredElection);
    configChanges = List.copyOf(configChanges);
    replicationIncrease = List.copyOf(replicationIncrease);
    rebalanceSummary = rebalanceSummary == null ? "" : rebalanceSummary;
  }

  /** Returns whether there is nothing to do. */
  public boolean isEmpty() {
    return scaleOut == null
        && rebalance.isEmpty()
        && preferredElection.isEmpty()
        && configChanges.isEmpty()
        && replicationIncrease.isEmpty();
  }

  /** Returns whether the fix has a part that runs on Kafka itself (steps 2 to 5). */
  public boolean hasKafkaPart() {
    return !rebalance.isEmpty()
        || !preferredElection.isEmpty()
        || !configChanges.isEmpty()
        || !replicationIncrease.isEmpty();
  }
}
