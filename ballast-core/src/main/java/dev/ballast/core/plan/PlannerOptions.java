package dev.ballast.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the planner weighs its goals.
 *
 * @param weights the weight of each soft goal; a goal absent or at 0 is not pursued
 * @param band how far from the mean a broker may be and still count as balanced (0.10 = +-10%)
 * @param idleFloors per goal, the mean per broker below which the resource counts as idle and is
 *     left alone
 * @param excludedTopics topics matching this pattern never move, or null
 * @param maxPasses how many times the balancing search restarts after making progress
 */
public record PlannerOptions(
    Map<Goal, Double> weights,
    double band,
    Map<Goal, Double> idleFloors,
    Pattern excludedTopics,
    int maxPasses) {

  /** Validates the figures and copies the maps. */
  public PlannerOptions {
    weights = new EnumMap<>(requireNonNull(weights, "weights"));
    idleFloors = new EnumMap<>(requireNonNull(idleFloors, "idleFloors"));
    if (!(band > 0 && band < 1)) {
      throw new IllegalArgumentException("band must be in (0, 1), got " + band);
    }
    for (Map.Entry<Goal, Double> e : weights.entrySet()) {
      if (!(e.getValue() >= 0 && Double.isFinite(e.getValue()))) {
        throw new IllegalArgumentException(
            "weight of " + e.getKey().label() + " must be >= 0, got " + e.getValue());
      }
    }
    if (maxPasses < 1) {
      throw new IllegalArgumentException("maxPasses must be >= 1, got " + maxPasses);
    }
  }

  /** Returns the defaults: every goal at its default weight, +-10%, default idle floors. */
  public static PlannerOptions defaults() {
    Map<Goal, Double> w = new EnumMap<>(Goal.class);
    for (Goal g : Goal.values()) {
      w.put(g, g.defaultWeight());
    }
    return new PlannerOptions(w, 0.10, defaultIdleFloors(), null, 50);
  }

  /** Returns the default idle floors: 1 KiB/s of network, 1 message/s, 1 MiB of disk. */
  public static Map<Goal, Double> defaultIdleFloors() {
    Map<Goal, Double> f = new EnumMap<>(Goal.class);
    f.put(Goal.NETWORK_IN, 1024.0);
    f.put(Goal.NETWORK_OUT, 1024.0);
    f.put(Goal.MESSAGES, 1.0);
    f.put(Goal.DISK, 1024.0 * 1024);
    return f;
  }

  /** Returns the weight of {@code goal}, 0 when absent. */
  public double weight(Goal goal) {
    return weights.getOrDefault(goal, 0.0);
  }

  /** Returns the idle floor of {@code goal}, 0 when absent. */
  public double idleFloor(Goal goal) {
    return idleFloors.getOrDefault(goal, 0.0);
  }

  /** Returns a copy with {@code newWeights}. */
  public PlannerOptions withWeights(Map<Goal, Double> newWeights) {
    return new PlannerOptions(newWeights, band, idleFloors, excludedTopics, maxPasses);
  }

  /** Returns a copy with {@code newBand}. */
  public PlannerOptions withBand(double newBand) {
    return new PlannerOptions(weights, newBand, idleFloors, excludedTopics, maxPasses);
  }

  /** Returns a copy with {@code newFloors}. */
  public PlannerOptions withIdleFloors(Map<Goal, Double> newFloors) {
    return new PlannerOptions(weights, band, newFloors, excludedTopics, maxPasses);
  }

  /** Returns a copy where topics matching {@code pattern} never move. */
  public PlannerOptions withExcludedTopics(Pattern pattern) {
    return new PlannerOptions(weights, band, idleFloors, pattern, maxPasses);
  }
}
