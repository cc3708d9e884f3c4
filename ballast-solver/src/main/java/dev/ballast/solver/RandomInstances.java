package dev.ballast.solver;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small random planning problems for comparing the planner with the exact solver, each from a seed:
 * 3 to 8 brokers (now and then a new empty one or one to drain), 0 to 3 racks, 5 to 40 partitions
 * of RF 1 to 3 in up to 4 topics, placed with a skew towards a few hot brokers, independent random
 * traffic and sizes, and one of several goal sets.
 */
public final class RandomInstances {

  /** One problem: the cluster and the planner options to plan it with. */
  public record Instance(long seed, ClusterModel model, PlannerOptions options) {}

  private static final List<List<Goal>> GOAL_SETS =
      List.of(
          List.of(Goal.NETWORK_IN),
          List.of(Goal.NETWORK_IN, Goal.DISK),
          List.of(Goal.NETWORK_IN, Goal.NETWORK_OUT, Goal.MESSAGES),
          List.of(Goal.REPLICAS, Goal.LEADERS),
          List.of(Goal.NETWORK_IN, Goal.REPLICAS),
          List.of());

  private RandomInstances() {}

  /** Returns the problem for {@code seed}. */
  public static Instance of(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int brokers = 3 + r.nextInt(6);
    int racks = r.nextInt(3) == 0 ? 0 : 2 + r.nextInt(2);
    List<Broker> bs = new ArrayList<>();
    int fresh = r.nextInt(4) == 0 ? brokers - 1 : -1;
    int drained = fresh < 0 && r.nextInt(6) == 0 ? 0 : -1;
    for (int i = 0; i < brokers; i++) {
      BrokerState state =
          i == fresh ? BrokerState.NEW : i == drained ? BrokerState.DRAINING : BrokerState.ALIVE;
      bs.add(new Broker(i, racks == 0 ? null : "rack-" + (i % racks), state, null));
    }
    int placeable = fresh < 0 ? brokers : brokers - 1;
    int hot = 1 + r.nextInt(Math.max(1, placeable / 2));
    int partitions = 5 + r.nextInt(36);
    int topics = 1 + r.nextInt(4);
    int maxRf = Math.min(3, placeable - (drained >= 0 ? 1 : 0));
    List<Partition> ps = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      int rf = 1 + r.nextInt(maxRf);
      List<Integer> replicas = place(r, rf, placeable, hot, racks);
      double in = Math.exp(r.nextDouble() * 5) * 1e5;
      PartitionLoad load =
          new PartitionLoad(
              in,
              in * r.nextInt(3),
              in / (100 + r.nextInt(2000)),
              (long) (Math.exp(r.nextDouble() * 4) * 1e8));
      ps.add(Partition.of("t" + (p % topics), p, replicas, load));
    }
    return new Instance(seed, ClusterModel.of(bs, ps), options(r));
  }

  private static List<Integer> place(
      SplittableRandom r, int rf, int placeable, int hot, int racks) {
    List<Integer> replicas = new ArrayList<>();
    int tries = 0;
    while (replicas.size() < rf) {
      int b = r.nextInt(3) > 0 ? r.nextInt(hot) : r.nextInt(placeable);
      boolean rackTaken = false;
      if (racks > 0 && rf <= racks && tries < 200) {
        for (int x : replicas) {
          rackTaken |= x % racks == b % racks;
        }
      }
      tries++;
      if (!replicas.contains(b) && !rackTaken) {
        replicas.add(b);
      }
    }
    return replicas;
  }

  private static PlannerOptions options(SplittableRandom r) {
    List<Goal> set = GOAL_SETS.get(r.nextInt(GOAL_SETS.size()));
    PlannerOptions defaults = PlannerOptions.defaults();
    if (set.isEmpty()) {
      return defaults;
    }
    Map<Goal, Double> weights = new EnumMap<>(Goal.class);
    for (Goal g : set) {
      weights.put(g, 1.0);
    }
    return defaults.withWeights(weights).withBand(r.nextInt(3) == 0 ? 0.2 : 0.1);
  }
}
