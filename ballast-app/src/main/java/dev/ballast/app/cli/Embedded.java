package dev.ballast.app.cli;

import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedClusterException;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.util.List;

/**
 * Starts embedded clusters for commands, turning bad options and start failures into user errors.
 */
public final class Embedded {

  private Embedded() {}

  /** Returns a validated spec, or a one-line error naming the bad option. */
  public static ClusterSpec spec(int brokers, List<String> racks, int heapMb) {
    if (brokers < 1 || brokers > ClusterSpec.MAX_BROKERS) {
      throw new UserException(
          "--brokers must be between 1 and "
              + ClusterSpec.MAX_BROKERS
              + " for the embedded cluster, not "
              + brokers);
    }
    try {
      return ClusterSpec.ofBrokers(brokers).withRacks(racks).withBrokerHeapMb(heapMb);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** Starts the cluster; a failure becomes one line that points at the node's log. */
  public static EmbeddedKafkaCluster start(ClusterSpec spec) {
    try {
      return EmbeddedKafkaCluster.start(spec);
    } catch (EmbeddedClusterException e) {
      throw new UserException("the embedded cluster did not start: " + e.getMessage(), 1);
    }
  }
}
