package dev.ballast.app.worker;

import dev.ballast.app.cli.UserException;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.remote.ControlTopics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the workers' control topics live: by default on the cluster under test, or on another
 * cluster ({@code --control-bootstrap}), so a chaos task cannot cut its own control plane.
 */
public final class ControlOptions {

  @Option(
      names = "--control-bootstrap",
      paramLabel = "HOST:PORT",
      description = "The cluster holding the control topics (default: the cluster under test).")
  String controlBootstrap;

  @Option(
      names = "--control-command-config",
      paramLabel = "FILE",
      description = "Client properties (TLS, SASL) for --control-bootstrap.")
  Path controlCommandConfig;

  @Option(
      names = "--control-prefix",
      paramLabel = "PREFIX",
      defaultValue = ControlTopics.DEFAULT_PREFIX,
      description =
          "Prefix of the control topics and of the worker group (default: ${DEFAULT-VALUE}).")
  String prefix;

  /** Returns the control topic names; a one-line error on a bad prefix. */
  public ControlTopics topics() {
    try {
      return new ControlTopics(prefix);
    } catch (IllegalArgumentException e) {
      throw new UserException("--control-prefix: " + e.getMessage());
    }
  }

  /** Returns the control cluster's client settings; {@code cluster} when none is given. */
  public Map<String, Object> controlConfig(Map<String, Object> cluster) {
    if (controlBootstrap == null) {
      if (controlCommandConfig != null) {
        throw new UserException("--control-command-config needs --control-bootstrap");
      }
      return cluster;
    }
    try {
      return toMap(ClientSettings.of(controlBootstrap, controlCommandConfig));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage().replace("--bootstrap-server", "--control-bootstrap"));
    }
  }

  /** Returns {@code settings} as a client configuration map. */
  static Map<String, Object> toMap(ClientSettings settings) {
    Map<String, Object> config = new HashMap<>();
    settings.toProperties().forEach((k, v) -> config.put(k.toString(), v));
    return config;
  }
}
