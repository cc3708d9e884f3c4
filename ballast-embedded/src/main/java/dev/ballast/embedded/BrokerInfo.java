package dev.ballast.embedded;

/**
 * A broker of the embedded cluster as clients see it.
 *
 * @param id the broker's node id
 * @param rack its rack, or null
 * @param host the host clients connect to
 * @param port the port clients connect to (the fault-injecting proxy in front of the broker)
 * @param state whether the broker's process runs
 * @param pid the process id of its JVM, or -1 when it is not running
 */
public record BrokerInfo(int id, String rack, String host, int port, NodeState state, long pid) {

  /** Returns {@code host:port}. */
  public String address() {
    return host + ":" + port;
  }
}
