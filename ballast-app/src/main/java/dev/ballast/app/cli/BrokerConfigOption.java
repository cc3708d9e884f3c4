package dev.ballast.app.cli;

import static java.util.Objects.requireNonNull;

import dev.ballast.embedded.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --broker-config KEY=VALUE} option of commands that start the embedded cluster: Kafka
 * broker settings given to every broker (and the KRaft controller), checked against Kafka's broker
 * config definitions.
 */
public final class BrokerConfigOption {

  @Option(
      names = "--broker-config",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka broker setting for every embedded broker and the KRaft controller (which reads"
              + " controller-side ones such as auto.leader.rebalance.enable); repeatable. Unknown"
              + " keys and bad values are refused. Ignored with --bootstrap-server.")
  List<String> entries = List.of();

  /** Returns the settings given, in order, as a map (a later key wins). */
  public Map<String, String> settings() {
    return parse(entries);
  }

  /** Returns {@code spec} with these settings, or a one-line error naming a bad one. */
  public ClusterSpec applyTo(ClusterSpec spec) {
    requireNonNull(spec, "spec");
    Map<String, String> settings = settings();
    if (settings.isEmpty()) {
      return spec;
    }
    try {
      return spec.withBrokerConfig(settings);
    } catch (IllegalArgumentException e) {
      throw new UserException("--broker-config: " + e.getMessage());
    }
  }

  /** Parses {@code KEY=VALUE} entries; a missing {@code =} or an empty key is a user error. */
  static Map<String, String> parse(List<String> entries) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new UserException(
            "--broker-config takes KEY=VALUE, e.g. auto.leader.rebalance.enable=true, not '"
                + entry
                + "'");
      }
      settings.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
    return settings;
  }
}
