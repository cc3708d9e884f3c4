package dev.ballast.core.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A soft goal: one resource the planner keeps within a band around the mean. */
public enum Goal {
  /** Bytes/s in per broker: produce traffic on leaders plus replication fetches on followers. */
  NETWORK_IN("network-in", "B/s", false, 1.0),
  /** Bytes/s out per broker: consumer traffic plus replication to followers, on leaders. */
  NETWORK_OUT("network-out", "B/s", false, 1.0),
  /** Messages/s produced per broker (requests its leaders handle). */
  MESSAGES("messages", "msg/s", false, 1.0),
  /** Bytes on disk per broker. */
  DISK("disk", "B", false, 1.0),
  /** Replicas per broker. */
  REPLICAS("replicas", "", true, 0.5),
  /** Leaders per broker. */
  LEADERS("leaders", "", true, 0.5),
  /** Replicas of each topic per broker. */
  TOPIC_SPREAD("topic-spread", "", true, 0.0);

  /** The goals that are a per-broker resource, in resource-index order. */
  static final Goal[] RESOURCES = {NETWORK_IN, NETWORK_OUT, MESSAGES, DISK, REPLICAS, LEADERS};

  private final String label;
  private final String unit;
  private final boolean counted;
  private final double defaultWeight;

  Goal(String label, String unit, boolean counted, double defaultWeight) {
    this.label = label;
    this.unit = unit;
    this.counted = counted;
    this.defaultWeight = defaultWeight;
  }

  /** Returns the name used on the command line and in reports ("network-in"). */
  public String label() {
    return label;
  }

  /** Returns the unit of the goal's resource ("B/s", "" for counts). */
  public String unit() {
    return unit;
  }

  /** Returns whether the resource is a count, whose band is widened to whole numbers. */
  public boolean counted() {
    return counted;
  }

  /** Returns the weight the goal has unless configured otherwise. */
  public double defaultWeight() {
    return defaultWeight;
  }

  /** Returns the goal called {@code label}, or fails naming the known ones. */
  public static Goal fromLabel(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Goal g : values()) {
      if (g.label.equals(wanted)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown goal '"
            + label
            + "' (goals: "
            + Arrays.stream(values()).map(Goal::label).collect(Collectors.joining(","))
            + ")");
  }
}
