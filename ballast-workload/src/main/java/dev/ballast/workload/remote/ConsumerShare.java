package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One consumer a worker runs: its name (unique within the run), topic, group, whether its group is
 * a catch-up read, and client settings (without the connection, which is the worker's own).
 */
public record ConsumerShare(
    String name, String topic, String group, boolean catchUp, Map<String, String> clientConfig) {

  /** Validates and copies. */
  public ConsumerShare {
    requireNonNull(name, "name");
    requireNonNull(topic, "topic");
    requireNonNull(group, "group");
    clientConfig = Map.copyOf(clientConfig);
  }
}
