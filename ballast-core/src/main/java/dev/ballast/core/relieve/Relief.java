package dev.ballast.core.relieve;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of relieving hot brokers: the plan and, per broker that was hot, its load before and
 * after next to its limit.
 *
 * @param plan the plan: only replicas (or leadership) of hot brokers move, to brokers that stay at
 *     or under the threshold
 * @param threshold the threshold relieved
 * @param hot per broker above the threshold before the plan: its load before, after and its limit
 */
public record Relief(Plan plan, ReliefThreshold threshold, Map<Integer, HotBroker> hot) {

  /**
   * One broker that was above the threshold.
   *
   * @param before its load of the resource before the plan
   * @param after its load after the plan
   * @param limit the most it may carry without counting as hot
   */
  public record HotBroker(double before, double after, double limit) {

    /** Returns whether the plan brings the broker to or under its limit. */
    public boolean relieved() {
      return after <= limit + 1e-9;
    }
  }

  /** Copies the map, sorted by broker id. */
  public Relief {
    requireNonNull(plan, "plan");
    requireNonNull(threshold, "threshold");
    hot = java.util.Collections.unmodifiableMap(new TreeMap<>(hot));
  }

  /** Returns whether every hot broker ends at or under its limit (true when none was hot). */
  public boolean relievedAll() {
    return hot.values().stream().allMatch(HotBroker::relieved);
  }

  /**
   * Returns one line per hot broker, e.g. "broker 1: network-in 9.5 MiB/s -> 7.0 MiB/s (limit 8.0
   * MiB/s)".
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    if (hot.isEmpty()) {
      lines.add("no broker is above " + threshold.text() + "; nothing to relieve");
      return lines;
    }
    hot.forEach(
        (id, h) ->
            lines.add(
                "broker "
                    + id
                    + ": "
                    + threshold.resource().label()
                    + " "
                    + Units.of(threshold.resource(), h.before())
                    + " -> "
                    + Units.of(threshold.resource(), h.after())
                    + " (limit "
                    + Units.of(threshold.resource(), h.limit())
                    + ")"
                    + (h.relieved()
                        ? ""
                        : ": still above; no replica of it can move without pushing a"
                            + " destination over the threshold or breaking a hard goal")));
    return lines;
  }
}
