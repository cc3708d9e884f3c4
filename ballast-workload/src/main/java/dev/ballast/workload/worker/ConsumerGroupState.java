package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.continuity.ContinuityChecker;

/** A consumer group a worker runs: its name, topic and (live) continuity checker. */
public record ConsumerGroupState(String group, String topic, ContinuityChecker checker) {

  /** Validates. */
  public ConsumerGroupState {
    requireNonNull(group, "group");
    requireNonNull(topic, "topic");
    requireNonNull(checker, "checker");
  }
}
