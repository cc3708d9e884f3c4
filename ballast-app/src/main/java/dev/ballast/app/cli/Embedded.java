package dev.ballast.app.cli;

import dev.ballast.embedded.ClusterSecurity;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedClusterException;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.io.PrintWriter;
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

  /** Returns how Ballast's own clients reach {@code cluster}: as its super user when secured. */
  public static ClientSettings clientSettings(EmbeddedKafkaCluster cluster) {
    return new ClientSettings(cluster.bootstrapServers(), cluster.clientProperties());
  }

  /**
   * Prints how {@code cluster} is secured and the client properties file of each user, for {@code
   * --command-config}; prints nothing for a plaintext cluster.
   */
  public static void printSecurity(PrintWriter out, EmbeddedKafkaCluster cluster) {
    ClusterSecurity security = cluster.security();
    if (security == ClusterSecurity.NONE) {
      return;
    }
    out.println(
        security.isSasl()
            ? "security: "
                + security.protocol()
                + " ("
                + security.mechanism()
                + ") with ACLs (StandardAuthorizer): admin is a super user, guest has no ACLs"
            : "security: TLS (SSL); certificates made at start for 127.0.0.1 and localhost");
    cluster
        .clientConfigFiles()
        .forEach(
            (user, file) ->
                out.println(
                    "client properties"
                        + (security.isSasl() ? " (" + user + ")" : "")
                        + ": --command-config "
                        + file));
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
