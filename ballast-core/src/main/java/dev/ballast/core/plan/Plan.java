package dev.ballast.core.plan;

import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan: ordered actions, each with its reason and the brokers' load before and after, and a
 * summary.
 *
 * @param actions the actions in the order to apply them; each partition appears at most once
 * @param summary the plan's figures
 */
public record Plan(List<Action> actions, PlanSummary summary) {

  /** Copies the list. */
  public Plan {
    actions = List.copyOf(actions);
  }

  /** Returns a copy with {@code newSummary}. */
  public Plan withSummary(PlanSummary newSummary) {
    return new Plan(actions, newSummary);
  }

  /** Returns whether the plan proposes nothing. */
  public boolean isEmpty() {
    return actions.isEmpty();
  }

  /**
   * Returns {@code model} as it will be once the plan has run and a preferred leader election has
   * followed: new replica lists, the intended leaders; replicas that stayed keep their ISR
   * membership and new replicas are in sync.
   */
  public ClusterModel applyTo(ClusterModel model) {
    Map<String, Action> byName = new HashMap<>();
    for (Action a : actions) {
      byName.put(a.name(), a);
    }
    Map<Integer, Partition> replaced = new HashMap<>();
    List<Partition> partitions = model.partitions();
    for (int i = 0; i < partitions.size() && replaced.size() < byName.size(); i++) {
      Partition p = partitions.get(i);
      Action a = byName.get(p.name());
      if (a != null) {
        List<Integer> isr = new ArrayList<>();
        for (Integer r : a.newReplicas()) {
          if (p.isr().contains(r) || !p.replicas().contains(r)) {
            isr.add(r);
          }
        }
        replaced.put(
            i,
            new Partition(p.topic(), p.partition(), a.newReplicas(), a.newLeader(), isr, p.load()));
      }
    }
    if (replaced.size() != byName.size()) {
      throw new IllegalArgumentException("the plan names partitions that are not in the model");
    }
    return model.withReplaced(replaced);
  }
}
