package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

/**
 * The names of the control plane's topics and group, all under one prefix: {@code <prefix>.control}
 * (compacted: desired state per worker), {@code <prefix>.status} (heartbeats), {@code
 * <prefix>.results} (interval reports), {@code <prefix>.members} (subscribed by the worker group
 * {@code <prefix>.workers}, whose static members are the registered workers).
 */
public record ControlTopics(String prefix) {

  /** The prefix used when none is given. */
  public static final String DEFAULT_PREFIX = "ballast.workers";

  /** Validates the prefix. */
  public ControlTopics {
    requireNonNull(prefix, "prefix");
    if (!prefix.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          "control topic prefix '" + prefix + "' may only hold letters, digits, '.', '_' and '-'");
    }
  }

  /** Returns the compacted topic of desired states, keyed by worker id. */
  public String control() {
    return prefix + ".control";
  }

  /** Returns the topic of heartbeats, keyed by worker id. */
  public String status() {
    return prefix + ".status";
  }

  /** Returns the topic of interval reports, keyed by worker id. */
  public String results() {
    return prefix + ".results";
  }

  /** Returns the topic the worker group subscribes to (nothing is written to it). */
  public String members() {
    return prefix + ".members";
  }

  /** Returns the consumer group whose static members are the registered workers. */
  public String workerGroup() {
    return prefix + ".workers";
  }
}
