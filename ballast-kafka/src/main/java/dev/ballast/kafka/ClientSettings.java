package dev.ballast.kafka;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.text.FileProblems;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How to reach a cluster: {@code bootstrap.servers} plus the client properties of a {@code
 * --command-config} file (TLS, SASL), exactly as Kafka's own tools take them.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param properties extra client properties, e.g. {@code security.protocol}
 */
public record ClientSettings(String bootstrapServers, Map<String, String> properties) {

  /** Validates the settings. */
  public ClientSettings {
    requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "--bootstrap-server must not be empty (use host:port[,host:port])");
    }
    for (String server : bootstrapServers.split(",")) {
      String s = server.trim();
      int colon = s.lastIndexOf(':');
      if (colon <= 0
          || colon == s.length() - 1
          || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(
            "'" + s + "' in --bootstrap-server is not host:port (for example localhost:9092)");
      }
    }
    properties = Map.copyOf(requireNonNull(properties, "properties"));
  }

  /** Returns settings for {@code bootstrapServers} without extra properties. */
  public static ClientSettings of(String bootstrapServers) {
    return new ClientSettings(bootstrapServers, Map.of());
  }

  /**
   * Returns settings for {@code bootstrapServers} with the properties in {@code commandConfig}
   * (null for none).
   *
   * @throws IllegalArgumentException when the file is missing or unreadable, saying which
   */
  public static ClientSettings of(String bootstrapServers, Path commandConfig) {
    if (commandConfig == null) {
      return of(bootstrapServers);
    }
    if (!Files.isRegularFile(commandConfig)) {
      throw new IllegalArgumentException(
          "--command-config file "
              + commandConfig
              + (Files.isDirectory(commandConfig) ? " is a directory" : " does not exist")
              + " (give a client properties file, as for kafka-topics.sh)");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--command-config file " + commandConfig + " " + FileProblems.describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read --command-config file " + commandConfig + ": " + e.getMessage(), e);
    }
    Map<String, String> props = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
    String protocol = props.getOrDefault("security.protocol", "");
    if (protocol.toUpperCase(java.util.Locale.ROOT).startsWith("SASL")
        && !props.containsKey("sasl.jaas.config")
        && System.getProperty("java.security.auth.login.config") == null) {
      throw new IllegalArgumentException(
          "--command-config file "
              + commandConfig
              + " sets security.protocol="
              + protocol
              + " but no sasl.jaas.config; add one, e.g. sasl.jaas.config="
              + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
              + " password=\"p\";");
    }
    return new ClientSettings(bootstrapServers, props);
  }

  /** Returns client properties: the extra ones, then {@code bootstrap.servers}. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.putAll(properties);
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return p;
  }
}
