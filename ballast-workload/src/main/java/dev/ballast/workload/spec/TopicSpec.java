package dev.ballast.workload.spec;

import java.util.List;
import java.util.Map;

/**
 * A topic the workload creates if it does not exist: {@code partitions}, an optional {@code
 * replicationFactor} (absent: the broker default), an optional explicit {@code placement} (one list
 * of broker ids per partition, the first the preferred leader) and topic {@code config}.
 */
public record TopicSpec(
    String name,
    Integer partitions,
    Integer replicationFactor,
    List<List<Integer>> placement,
    Map<String, String> config) {

  /** Applies defaults and validates. */
  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new InvalidFieldException("name", "every topic needs a name");
    }
    placement = placement == null ? List.of() : List.copyOf(placement);
    config = config == null ? Map.of() : Map.copyOf(config);
    if (!placement.isEmpty()) {
      if (partitions != null && partitions != placement.size()) {
        throw new InvalidFieldException(
            "placement",
            "lists "
                + placement.size()
                + " partitions but partitions is "
                + partitions
                + "; give one replica list per partition");
      }
      partitions = placement.size();
      int rf = placement.get(0).size();
      for (int p = 0; p < placement.size(); p++) {
        List<Integer> replicas = placement.get(p);
        if (replicas == null || replicas.isEmpty()) {
          throw new InvalidFieldException("placement[" + p + "]", "needs at least one broker id");
        }
        if (replicas.size() != rf) {
          throw new InvalidFieldException(
              "placement[" + p + "]",
              "has " + replicas.size() + " replicas but partition 0 has " + rf + "; use one RF");
        }
        if (replicas.stream().distinct().count() != replicas.size()) {
          throw new InvalidFieldException(
              "placement[" + p + "]", "names a broker twice: " + replicas);
        }
      }
      if (replicationFactor != null && replicationFactor != rf) {
        throw new InvalidFieldException(
            "replicationFactor", "is " + replicationFactor + " but placement uses " + rf);
      }
      placement = placement.stream().map(List::copyOf).toList();
    }
    if (partitions == null) {
      partitions = 6;
    }
    if (partitions < 1) {
      throw new InvalidFieldException("partitions", "must be >= 1, got " + partitions);
    }
    if (replicationFactor != null && replicationFactor < 1) {
      throw new InvalidFieldException(
          "replicationFactor", "must be >= 1, got " + replicationFactor);
    }
  }

  /** Returns a topic with {@code partitions} partitions and the broker's default RF. */
  public static TopicSpec of(String name, int partitions) {
    return new TopicSpec(name, partitions, null, null, null);
  }
}
