package dev.ballast.solver;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.PlannerOptions;
import java.util.List;
import java.util.TreeMap;

/**
 * The topic-spread goal in the model: for each topic and receiving broker, the replica count within
 * the band around the topic's mean per receiving broker, widened to whole numbers as the planner
 * does.
 */
final class TopicBands {

  private static final double EPS = 1e-9;

  private TopicBands() {}

  /**
   * Adds the topic bands to {@code m} when the goal has a weight; means come from {@code settled}.
   */
  static void add(PlacementModel m, PlannerOptions options, ClusterModel settled) {
    double weight = options.weight(Goal.TOPIC_SPREAD);
    int active = m.receiving();
    if (weight <= 0 || active == 0) {
      return;
    }
    TreeMap<String, Integer> onReceiving = new TreeMap<>();
    long replicas = 0;
    for (Partition p : settled.partitions()) {
      for (int id : p.replicas()) {
        if (settled.brokers().get(settled.indexOf(id)).state().canReceive()) {
          onReceiving.merge(p.topic(), 1, Integer::sum);
          replicas++;
        }
      }
    }
    if (replicas == 0) {
      return;
    }
    double band = options.band();
    long coefficient = Math.max(1, Math.round(weight * 1e10 * active / replicas));
    List<Partition> parts = m.model.partitions();
    for (var e : onReceiving.entrySet()) {
      double mu = (double) e.getValue() / active;
      long hi = (long) Math.max(Math.floor(mu * (1 + band) + EPS), Math.ceil(mu - EPS));
      long lo = (long) Math.min(Math.ceil(mu * (1 - band) - EPS), Math.floor(mu + EPS));
      LinearExpr[] load = new LinearExpr[m.model.brokers().size()];
      for (int b = 0; b < load.length; b++) {
        if (!m.receives(b)) {
          continue;
        }
        LinearExprBuilder count = LinearExpr.newBuilder();
        for (int p = 0; p < parts.size(); p++) {
          if (parts.get(p).topic().equals(e.getKey())) {
            count.add(PlacementModel.term(m.x[p][b], m.domains.replicaFixed(p, b), 1));
          }
        }
        load[b] = count.build();
      }
      m.addBand("topic-" + e.getKey(), load, lo, hi, coefficient);
    }
  }
}
