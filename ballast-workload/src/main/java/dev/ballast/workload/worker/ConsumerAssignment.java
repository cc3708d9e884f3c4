package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** One consumer of a group: its name, topic, group and Kafka client settings. */
public record ConsumerAssignment(
    String name, String topic, String group, Map<String, Object> clientConfig) {

  /** Validates and copies. */
  public ConsumerAssignment {
    requireNonNull(name, "name");
    requireNonNull(topic, "topic");
    requireNonNull(group, "group");
    clientConfig = Map.copyOf(clientConfig);
  }
}
