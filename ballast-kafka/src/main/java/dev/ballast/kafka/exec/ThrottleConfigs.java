package dev.ballast.kafka.exec;

import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Reads the replication throttle configs set dynamically on brokers and topics. */
public final class ThrottleConfigs {

  /** The four throttle keys Kafka's reassignment tools (and Ballast) set. */
  public static final java.util.Set<String> KEYS =
      java.util.Set.of(
          Throttles.LEADER_RATE,
          Throttles.FOLLOWER_RATE,
          Throttles.LEADER_REPLICAS,
          Throttles.FOLLOWER_REPLICAS);

  private ThrottleConfigs() {}

  /**
   * Returns, for each of {@code resources}, the throttle keys set dynamically on it (per broker or
   * per topic) and their values; static values and cluster-wide defaults are not included. A topic
   * that does not exist is left out.
   */
  public static Map<ConfigResource, Map<String, String>> dynamic(
      Admin admin, Collection<ConfigResource> resources, Duration timeout) {
    Map<ConfigResource, Map<String, String>> out = new LinkedHashMap<>();
    if (resources.isEmpty()) {
      return out;
    }
    Map<ConfigResource, KafkaFuture<Config>> futures = admin.describeConfigs(resources).values();
    for (var e : futures.entrySet()) {
      Config config;
      try {
        config = AdminCalls.get(e.getValue(), timeout, "describe the throttle configs");
      } catch (RuntimeException ex) {
        if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
          continue;
        }
        throw ex;
      }
      Map<String, String> values = new TreeMap<>();
      for (ConfigEntry c : config.entries()) {
        boolean dynamic =
            c.source() == ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG
                || c.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
        if (dynamic && KEYS.contains(c.name()) && c.value() != null) {
          values.put(c.name(), c.value());
        }
      }
      out.put(e.getKey(), values);
    }
    return out;
  }
}
