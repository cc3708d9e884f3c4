package dev.ballast.app.metrics;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How evenly one resource is spread over the brokers that may receive load (alive and new ones).
 *
 * @param resource the resource
 * @param brokers how many brokers were counted
 * @param mean the mean per broker, in the resource's unit
 * @param max the most loaded broker's figure
 * @param maxOverMean {@code max / mean} (1 when the mean is 0)
 * @param relativeStddev the population standard deviation divided by the mean (0 when the mean is
 *     0)
 * @param idle whether the mean is below the planner's idle floor, so the planner ignores it
 */
public record ResourceBalance(
    Goal resource,
    int brokers,
    double mean,
    double max,
    double maxOverMean,
    double relativeStddev,
    boolean idle) {

  /** The per-broker resources, in the order metrics and the dashboard show them. */
  public static final List<Goal> RESOURCES =
      List.of(
          Goal.NETWORK_IN, Goal.NETWORK_OUT, Goal.MESSAGES, Goal.DISK, Goal.REPLICAS, Goal.LEADERS);

  /** Validates the resource. */
  public ResourceBalance {
    requireNonNull(resource, "resource");
  }

  /**
   * Returns the balance of every resource in {@code model} over its receiving brokers, with idle
   * floors from {@code options}; empty when no broker may receive load.
   */
  public static List<ResourceBalance> calculate(ClusterModel model, PlannerOptions options) {
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    List<LoadVector> counted = new ArrayList<>();
    for (Broker b : model.brokers()) {
      if (b.state().canReceive()) {
        counted.add(loads.get(b.id()));
      }
    }
    if (counted.isEmpty()) {
      return List.of();
    }
    List<ResourceBalance> out = new ArrayList<>(RESOURCES.size());
    for (Goal g : RESOURCES) {
      double sum = 0;
      double max = 0;
      for (LoadVector l : counted) {
        sum += l.get(g);
        max = Math.max(max, l.get(g));
      }
      double mean = sum / counted.size();
      double squares = 0;
      for (LoadVector l : counted) {
        double d = l.get(g) - mean;
        squares += d * d;
      }
      double stddev = Math.sqrt(squares / counted.size());
      out.add(
          new ResourceBalance(
              g,
              counted.size(),
              mean,
              max,
              mean > 0 ? max / mean : 1,
              mean > 0 ? stddev / mean : 0,
              mean < options.idleFloor(g)));
    }
    return out;
  }

  /**
   * Returns the largest max/mean over the resources the planner balances (weighted and not idle),
   * or 1 when there is none: the single "balance score" the dashboards plot (1 is perfect).
   */
  public static double worstMaxOverMean(List<ResourceBalance> all, PlannerOptions options) {
    return all.stream()
        .filter(r -> !r.idle() && options.weight(r.resource()) > 0)
        .mapToDouble(ResourceBalance::maxOverMean)
        .max()
        .orElse(1);
  }
}
