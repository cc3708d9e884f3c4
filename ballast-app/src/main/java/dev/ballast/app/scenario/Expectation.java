package dev.ballast.app.scenario;

import dev.ballast.core.plan.Goal;
import java.util.Map;

/**
 * What the end of a scenario must look like.
 *
 * @param metric the resource whose balance the scenario is about
 * @param replicasPerBroker the exact replicas of the scenario topic at the end on each broker
 *     listed, or null
 * @param leadersPerBroker the exact leaders at the end on each broker listed, or null
 * @param imbalanceBefore whether the start must show the metric at max/mean >= 1.5
 * @param balancedAfter whether the end must show the metric balanced (max/mean <= 1.15)
 */
public record Expectation(
    Goal metric,
    Map<Integer, Integer> replicasPerBroker,
    Map<Integer, Integer> leadersPerBroker,
    boolean imbalanceBefore,
    boolean balancedAfter) {

  /** Returns this end with broker {@code i} renamed {@code idOf.get(i)}; unmapped ones dropped. */
  Expectation onBrokers(Map<Integer, Integer> idOf) {
    return new Expectation(
        metric,
        rename(replicasPerBroker, idOf),
        rename(leadersPerBroker, idOf),
        imbalanceBefore,
        balancedAfter);
  }

  private static Map<Integer, Integer> rename(
      Map<Integer, Integer> perBroker, Map<Integer, Integer> idOf) {
    if (perBroker == null) {
      return null;
    }
    Map<Integer, Integer> out = new java.util.TreeMap<>();
    perBroker.forEach(
        (i, n) -> {
          if (idOf.containsKey(i)) {
            out.put(idOf.get(i), n);
          }
        });
    return out;
  }
}
