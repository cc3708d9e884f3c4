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
 */
public record Expectation(
    Goal metric,
    Map<Integer, Integer> replicasPerBroker,
    Map<Integer, Integer> leadersPerBroker,
    boolean imbalanceBefore) {}
