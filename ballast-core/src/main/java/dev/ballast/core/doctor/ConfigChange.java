package dev.ballast.core.doctor;

import static java.util.Objects.requireNonNull;

/**
 * A topic config to set, as {@code kafka-configs.sh --alter --add-config} takes it.
 *
 * @param topic the topic
 * @param key the config key ({@code min.insync.replicas})
 * @param currentValue the value now
 * @param newValue the value to set
 */
public record ConfigChange(String topic, String key, String currentValue, String newValue) {

  /** Validates the fields. */
  public ConfigChange {
    requireNonNull(topic, "topic");
    requireNonNull(key, "key");
    requireNonNull(currentValue, "currentValue");
    requireNonNull(newValue, "newValue");
  }
}
