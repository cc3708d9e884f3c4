package dev.ballast.core.doctor;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.model.ClusterModel;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the doctor examines: the cluster model and the facts the model does not hold.
 *
 * @param model the cluster: brokers, placement, ISR, load
 * @param topicConfigs configs by topic; a topic absent here has Kafka's defaults
 * @param canaryLatencyMillis produce latency per broker id measured by a canary; empty when unknown
 * @param persistentUnderReplication whether the under-replicated partitions in the model have been
 *     seen to persist (over more than one observation), not just to exist at this moment
 */
public record DoctorInput(
    ClusterModel model,
    Map<String, TopicConfig> topicConfigs,
    Map<Integer, Double> canaryLatencyMillis,
    boolean persistentUnderReplication) {

  /** Validates and copies the maps, sorted. */
  public DoctorInput {
    requireNonNull(model, "model");
    topicConfigs = java.util.Collections.unmodifiableMap(new TreeMap<>(topicConfigs));
    canaryLatencyMillis = java.util.Collections.unmodifiableMap(new TreeMap<>(canaryLatencyMillis));
    for (var e : canaryLatencyMillis.entrySet()) {
      if (!model.hasBroker(e.getKey())) {
        throw new IllegalArgumentException(
            "canary latency given for broker "
                + e.getKey()
                + ", which is not in the cluster (brokers: "
                + model.brokerIdsText()
                + ")");
      }
      if (!(e.getValue() >= 0 && Double.isFinite(e.getValue()))) {
        throw new IllegalArgumentException(
            "canary latency of broker " + e.getKey() + " must be >= 0 ms, got " + e.getValue());
      }
    }
  }

  /** Returns the input for {@code model} alone: default topic configs, no latency, no history. */
  public static DoctorInput of(ClusterModel model) {
    return new DoctorInput(model, Map.of(), Map.of(), false);
  }

  /** Returns the config of {@code topic}, Kafka's defaults when none was given. */
  public TopicConfig configOf(String topic) {
    return topicConfigs.getOrDefault(topic, TopicConfig.KAFKA_DEFAULTS);
  }
}
