package dev.ballast.workload.spec;

import java.time.Duration;
import java.util.Map;

/**
 * A consumer group of {@code count} consumers reading {@code topic} from the earliest offset. A
 * {@code startAfter} greater than zero makes it a catch-up read: the producers build a backlog
 * first, then the group starts and the time it takes to drain the backlog is reported.
 */
public record ConsumerSpec(
    String topic, String group, Integer count, Duration startAfter, Map<String, String> config) {

  /** Applies defaults and validates. */
  public ConsumerSpec {
    if (topic == null || topic.isBlank()) {
      throw new InvalidFieldException("topic", "every consumer group needs a topic");
    }
    if (group != null && group.isBlank()) {
      throw new InvalidFieldException("group", "must not be blank (omit it for a generated name)");
    }
    count = count == null ? 1 : count;
    if (count < 1) {
      throw new InvalidFieldException("count", "must be >= 1, got " + count);
    }
    startAfter = startAfter == null ? Duration.ZERO : startAfter;
    if (startAfter.isNegative()) {
      throw new InvalidFieldException("startAfter", "must be >= 0, got " + startAfter);
    }
    config = config == null ? Map.of() : Map.copyOf(config);
  }

  /** Returns a group of {@code count} consumers on {@code topic} starting with the producers. */
  public static ConsumerSpec of(String topic, String group, int count) {
    return new ConsumerSpec(topic, group, count, Duration.ZERO, null);
  }

  /** Returns whether this group does a catch-up read. */
  public boolean catchUp() {
    return !startAfter.isZero();
  }
}
