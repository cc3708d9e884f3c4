package dev.ballast.solver;

import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Goal;

/** The load one replica of a partition puts on a broker, as the planner counts it. */
final class Loads {

  private Loads() {}

  /** Returns what every replica of {@code p} carries of {@code goal}, leader or follower. */
  static double replicaValue(Goal goal, Partition p) {
    return switch (goal) {
      case NETWORK_IN -> p.load().bytesInPerSec();
      case DISK -> p.load().sizeBytes();
      case REPLICAS -> 1;
      default -> 0;
    };
  }

  /** Returns what the leader of {@code p} carries of {@code goal} on top of a follower. */
  static double leaderValue(Goal goal, Partition p) {
    return switch (goal) {
      case NETWORK_OUT ->
          p.load().bytesOutPerSec() + (p.replicas().size() - 1) * p.load().bytesInPerSec();
      case MESSAGES -> p.load().messagesInPerSec();
      case LEADERS -> 1;
      default -> 0;
    };
  }
}
