package dev.ballast.app.cli;

import dev.ballast.kafka.ClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap-server}, {@code --command-config} and {@code --timeout}, as Kafka's tools take
 * them.
 */
public final class ConnectionOptions {

  @Option(
      names = "--bootstrap-server",
      paramLabel = "HOST:PORT",
      description = "The cluster to work on (host:port[,host:port...]).")
  String bootstrapServer;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description = "Client properties for the connection (TLS, SASL), as for kafka-topics.sh.")
  Path commandConfig;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = DurationConverter.Positive.class,
      description =
          "Give up when the cluster does not answer within this time, e.g. 15s or 2m; a bare"
              + " number is seconds (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** Returns whether {@code --bootstrap-server} was given. */
  public boolean isExternal() {
    return bootstrapServer != null;
  }

  /** Returns the settings for the external cluster; the user gets a one-line error on bad input. */
  public ClientSettings settings() {
    if (bootstrapServer == null) {
      throw new UserException(
          "--bootstrap-server is required (host:port of any broker of the cluster)");
    }
    try {
      return ClientSettings.of(bootstrapServer, commandConfig);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** Returns the timeout for calls to the cluster. */
  public Duration timeout() {
    return timeout;
  }
}
