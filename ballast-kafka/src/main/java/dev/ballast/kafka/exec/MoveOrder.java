package dev.ballast.kafka.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which moves of a plan the executor starts first. */
public enum MoveOrder {
  /** In the plan's order (the planner's best balance per byte first). */
  PLAN,
  /** The fewest bytes first: many partitions reach their target early. */
  SMALL_FIRST,
  /** The most bytes first: the long copies start early and overlap the short ones. */
  LARGE_FIRST,
  /** Partitions with a replica out of sync first: they regain their redundancy soonest. */
  UNDER_REPLICATED_FIRST;

  /** Returns the option value, e.g. {@code small-first}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the order named {@code label} ({@code plan}, {@code small-first}, ...).
   *
   * @throws IllegalArgumentException naming the valid values
   */
  public static MoveOrder parse(String label) {
    for (MoveOrder o : values()) {
      if (o.label().equals(label)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "--move-order must be one of "
            + Arrays.stream(values()).map(MoveOrder::label).collect(Collectors.joining(", "))
            + ", not '"
            + label
            + "'");
  }
}
