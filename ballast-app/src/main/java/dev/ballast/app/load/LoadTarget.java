package dev.ballast.app.load;

import dev.ballast.app.cli.Embedded;
import dev.ballast.app.cli.UserException;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The cluster a load command works on: an embedded one it starts (and closes, also on Ctrl-C via
 * the cluster's own shutdown hook) or an external one from {@code --bootstrap-server}.
 */
final class LoadTarget implements AutoCloseable {

  private final EmbeddedKafkaCluster cluster;
  private final Map<String, Object> clientConfig;
  private final String description;

  private LoadTarget(EmbeddedKafkaCluster cluster, Map<String, Object> clientConfig, String d) {
    this.cluster = cluster;
    this.clientConfig = Map.copyOf(clientConfig);
    this.description = d;
  }

  /** Opens the target the options name; progress goes to {@code log}. */
  static LoadTarget open(LoadOptions options, PrintWriter log) {
    if (options.connection.isExternal()) {
      ClientSettings settings = options.connection.settings();
      Map<String, Object> config = new HashMap<>();
      settings.toProperties().forEach((k, v) -> config.put(k.toString(), v));
      return new LoadTarget(null, config, "cluster at " + settings.bootstrapServers());
    }
    if (options.brokers < 1 || options.brokers > ClusterSpec.MAX_BROKERS) {
      throw new UserException(
          "--brokers must be between 1 and "
              + ClusterSpec.MAX_BROKERS
              + ", not "
              + options.brokers);
    }
    log.printf("starting an embedded cluster of %d broker(s) on 127.0.0.1...%n", options.brokers);
    log.flush();
    // Full JIT (not the fast-start C1-only JVMs): load runs last long enough to repay it.
    ClusterSpec spec =
        Embedded.spec(options.brokers, List.of(), 256).withFastStart(/* fast= */ false);
    EmbeddedKafkaCluster cluster = Embedded.start(spec);
    return new LoadTarget(
        cluster,
        Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
        "embedded cluster at " + cluster.bootstrapServers());
  }

  /** Returns the connection settings every client gets. */
  Map<String, Object> clientConfig() {
    return clientConfig;
  }

  /** Returns a short description for the log. */
  String description() {
    return description;
  }

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
    }
  }
}
