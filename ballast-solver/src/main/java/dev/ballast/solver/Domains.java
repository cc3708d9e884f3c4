package dev.ballast.solver;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.PlannerOptions;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which placements the hard goals leave open, per partition and broker, as the heuristic planner
 * has them: excluded topics and excluded brokers keep what they hold; draining brokers and dead
 * ones (RF > 1) are emptied; slow brokers receive nothing and lead nothing (a slow leader's replica
 * may move when it is its partition's only way to a new leader); only brokers that may receive get
 * new replicas or leadership, and an out-of-sync replica does not lead.
 */
final class Domains {

  private final ClusterModel model;
  private final boolean[] pinned;
  private final int[] rackOf;
  private final int racks;
  private final int liveRacks;
  private final boolean racked;

  Domains(ClusterModel model, PlannerOptions options) {
    this.model = model;
    Pattern excluded = options.excludedTopics();
    List<Partition> parts = model.partitions();
    pinned = new boolean[parts.size()];
    for (int p = 0; p < parts.size(); p++) {
      pinned[p] = excluded != null && excluded.matcher(parts.get(p).topic()).matches();
    }
    TreeMap<String, Integer> names = new TreeMap<>();
    boolean any = false;
    for (Broker b : model.brokers()) {
      any |= b.rack() != null;
      names.putIfAbsent(b.rack() == null ? "" : b.rack(), 0);
    }
    int k = 0;
    for (var e : names.entrySet()) {
      e.setValue(k++);
    }
    racks = k;
    racked = any;
    rackOf = new int[model.brokers().size()];
    boolean[] live = new boolean[k];
    for (int b = 0; b < rackOf.length; b++) {
      Broker broker = model.brokers().get(b);
      rackOf[b] = names.get(broker.rack() == null ? "" : broker.rack());
      live[rackOf[b]] |= !broker.state().mustBeEmptied();
    }
    int n = 0;
    for (boolean l : live) {
      n += l ? 1 : 0;
    }
    liveRacks = n;
  }

  private BrokerState state(int b) {
    return model.brokers().get(b).state();
  }

  private int id(int b) {
    return model.brokers().get(b).id();
  }

  /** Returns whether broker {@code b} held a replica of {@code p} before the plan. */
  boolean heldBefore(int p, int b) {
    return model.partitions().get(p).replicas().contains(id(b));
  }

  /** Returns whether broker index {@code b} may receive replicas and leadership. */
  boolean receives(int b) {
    return state(b).canReceive();
  }

  /** Returns whether topic exclusion pins partition {@code p} where it is. */
  boolean pinned(int p) {
    return pinned[p];
  }

  /** Returns whether the replica variable of (p, b) is free, not fixed by a hard goal. */
  boolean replicaFree(int p, int b) {
    if (pinned[p]) {
      return false;
    }
    Partition part = model.partitions().get(p);
    return switch (state(b)) {
      case ALIVE, NEW -> true;
      case SLOW -> heldBefore(p, b) && part.leader() == id(b);
      default -> false;
    };
  }

  /** Returns the value of the replica variable of (p, b) when it is not free. */
  boolean replicaFixed(int p, int b) {
    if (!heldBefore(p, b)) {
      return false;
    }
    if (pinned[p]) {
      return true;
    }
    return switch (state(b)) {
      case DRAINING -> false;
      case DEAD -> model.partitions().get(p).replicas().size() == 1;
      default -> true;
    };
  }

  /** Returns whether the leader variable of (p, b) is free. */
  boolean leaderFree(int p, int b) {
    Partition part = model.partitions().get(p);
    if (pinned[p] || part.leader() < 0 || !receives(b) || leaderStuck(p)) {
      return false;
    }
    return !heldBefore(p, b) || part.isr().contains(id(b));
  }

  /** Returns the value of the leader variable of (p, b) when it is not free. */
  boolean leaderFixed(int p, int b) {
    Partition part = model.partitions().get(p);
    if (part.leader() != id(b)) {
      return false;
    }
    return pinned[p] || leaderStuck(p);
  }

  /** Returns whether the leader may not change: it sits on a broker nothing may move off. */
  private boolean leaderStuck(int p) {
    int leader = model.partitions().get(p).leader();
    if (leader < 0) {
      return false;
    }
    int b = model.indexOf(leader);
    BrokerState s = state(b);
    return s == BrokerState.EXCLUDED
        || (s == BrokerState.DEAD && model.partitions().get(p).replicas().size() == 1);
  }

  /** Returns whether any broker has a rack. */
  boolean racked() {
    return racked;
  }

  /** Returns the number of racks (brokers without one share the rack ""). */
  int racks() {
    return racks;
  }

  /** Returns the rack index of broker {@code b}. */
  int rackOf(int b) {
    return rackOf[b];
  }

  /**
   * Returns how many racks {@code p} must span: min(RF, racks that are not emptied), 0 if pinned.
   */
  int requiredRacks(int p) {
    return pinned[p] ? 0 : Math.min(model.partitions().get(p).replicas().size(), liveRacks);
  }
}
