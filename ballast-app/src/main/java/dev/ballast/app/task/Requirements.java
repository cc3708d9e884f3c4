package dev.ballast.app.task;

/**
 * What a task needs from the cluster. The runner checks them before prepare; when they are not met
 * the run is INCONCLUSIVE ("needs 4 brokers, the cluster has 3") and no phase runs.
 *
 * @param minBrokers the fewest live brokers the task can run on
 * @param embeddedOnly whether the task needs the embedded cluster (latency/bandwidth faults, its
 *     own brokers)
 * @param killable whether the task kills or restarts brokers, so an external cluster needs {@code
 *     --kill-broker-cmd} and {@code --restart-broker-cmd}
 */
public record Requirements(int minBrokers, boolean embeddedOnly, boolean killable) {

  /** No requirement beyond one broker. */
  public static final Requirements NONE = new Requirements(1, false, false);

  /** Validates. */
  public Requirements {
    if (minBrokers < 1) {
      throw new IllegalArgumentException("minBrokers must be >= 1, got " + minBrokers);
    }
  }

  /** Returns these requirements with at least {@code n} brokers. */
  public Requirements withMinBrokers(int n) {
    return new Requirements(n, embeddedOnly, killable);
  }

  /** Returns these requirements, needing the embedded cluster. */
  public Requirements embedded() {
    return new Requirements(minBrokers, true, killable);
  }

  /** Returns these requirements, needing brokers that can be killed and restarted. */
  public Requirements killingBrokers() {
    return new Requirements(minBrokers, embeddedOnly, true);
  }

  /** Returns why {@code cluster} does not meet {@code r}, or null when it does. */
  public static String unmet(Requirements r, TaskCluster cluster) {
    if (r.embeddedOnly() && !cluster.isEmbedded()) {
      return "needs the embedded cluster (run without --bootstrap-server)";
    }
    if (r.killable() && !cluster.canKillBrokers()) {
      return "kills and restarts brokers: give --kill-broker-cmd and --restart-broker-cmd";
    }
    int live = cluster.brokerIds().size();
    if (live < r.minBrokers()) {
      return "needs " + r.minBrokers() + " brokers, the cluster has " + live;
    }
    return null;
  }
}
