package dev.ballast.embedded;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks user broker settings ({@code --broker-config}) against Kafka's own broker config
 * definitions when they are on the class path, so a typo is refused by name instead of being
 * ignored by every broker.
 */
public final class BrokerConfigs {

  /** Keys the embedded cluster sets per node; a user value would break the cluster. */
  private static final Set<String> PER_NODE =
      Set.of(
          "node.id",
          "broker.id",
          "process.roles",
          "listeners",
          "advertised.listeners",
          "listener.security.protocol.map",
          "inter.broker.listener.name",
          "controller.listener.names",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "log.dir",
          "log.dirs",
          "metadata.log.dir",
          "broker.rack");

  /** Per-listener settings are named by the listener, so no definition lists them. */
  private static final String LISTENER_PREFIX = "listener.name.";

  private static final String DEFINITIONS = "org.apache.kafka.server.config.AbstractKafkaConfig";

  private BrokerConfigs() {}

  /**
   * Returns {@code config} unchanged when every key is a Kafka broker config (or the definitions
   * are not on the class path) and every value parses as its type.
   *
   * @throws IllegalArgumentException naming the first bad key or value and what to do
   */
  public static Map<String, String> validate(Map<String, String> config) {
    requireNonNull(config, "config");
    Optional<ConfigDef> definitions = definitions();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(config).entrySet()) {
      String key = e.getKey();
      if (PER_NODE.contains(key)) {
        throw new IllegalArgumentException(
            "broker config "
                + key
                + " is set by Ballast for each embedded node and cannot be overridden"
                + (key.equals("broker.rack") ? "; use --racks" : ""));
      }
      if (definitions.isEmpty() || key.startsWith(LISTENER_PREFIX)) {
        continue;
      }
      ConfigDef.ConfigKey definition = definitions.get().configKeys().get(key);
      if (definition == null) {
        throw new IllegalArgumentException(
            "unknown broker config '" + key + "'" + suggestion(key, definitions.get()));
      }
      try {
        ConfigDef.parseType(key, e.getValue(), definition.type);
      } catch (ConfigException bad) {
        throw new IllegalArgumentException(
            "broker config " + key + "=" + e.getValue() + " is not a valid " + typeName(definition),
            bad);
      }
    }
    return config;
  }

  /** Returns Kafka's broker config definitions, or empty when they are not on the class path. */
  static Optional<ConfigDef> definitions() {
    try {
      Object def = Class.forName(DEFINITIONS).getField("CONFIG_DEF").get(null);
      return def instanceof ConfigDef c ? Optional.of(c) : Optional.empty();
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static String typeName(ConfigDef.ConfigKey definition) {
    return definition.type.name().toLowerCase();
  }

  /** Returns " (did you mean x?)" for the defined key sharing the longest prefix, or a hint. */
  private static String suggestion(String key, ConfigDef definitions) {
    String best = null;
    int bestScore = 0;
    for (String name : new TreeSet<>(definitions.names())) {
      int score = commonPrefix(key, name);
      if (score > bestScore) {
        best = name;
        bestScore = score;
      }
    }
    return best != null && bestScore >= Math.min(6, key.length())
        ? " (did you mean " + best + "?)"
        : " (see Kafka's broker configs: https://kafka.apache.org/documentation/#brokerconfigs)";
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
