package dev.ballast.core.relieve;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.plan.Reason;
import dev.ballast.core.plan.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Relieves only the brokers above a {@link ReliefThreshold} (Cruise Control #2228): the sources are
 * the hot brokers' replicas and nothing else moves; a destination must stay at or under the
 * threshold (and its capacity) after the move; racks never get worse. Per hot broker, hottest
 * first, it repeats the cheapest step that brings the broker under its limit, or else the step that
 * relieves the most per byte: a leadership transfer to an in-sync follower (free) where the leader
 * carries the resource, or a replica move. The result is planned with {@link Planner#planTo}, so it
 * is explained and summarised as every plan. Pure and deterministic.
 */
public final class ThresholdRelief {

  private static final double EPS = 1e-9;

  private final ClusterModel model;
  private final ReliefThreshold threshold;
  private final Pattern excludedTopics;
  private final int resource;
  private final double[][] load;
  private final double[] limit;
  private final double[] capIn;
  private final double[] capOut;
  private final Map<Integer, List<Integer>> replicas = new HashMap<>();
  private final Map<Integer, Integer> leaders = new HashMap<>();
  private final Map<Integer, String> details = new HashMap<>();

  private ThresholdRelief(ClusterModel model, ReliefThreshold threshold, Pattern excludedTopics) {
    this.model = model;
    this.threshold = threshold;
    this.excludedTopics = excludedTopics;
    this.resource = threshold.resource().ordinal();
    int n = model.brokers().size();
    load = new double[Goal.TOPIC_SPREAD.ordinal()][n];
    limit = new double[n];
    capIn = new double[n];
    capOut = new double[n];
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    for (int i = 0; i < n; i++) {
      Broker b = model.brokers().get(i);
      LoadVector v = loads.get(b.id());
      for (int r = 0; r < load.length; r++) {
        load[r][i] = v.get(Goal.values()[r]);
      }
      limit[i] = threshold.limitOf(b);
      capIn[i] = b.capacity() == null ? Double.POSITIVE_INFINITY : b.capacity().bytesInPerSec();
      capOut[i] = b.capacity() == null ? Double.POSITIVE_INFINITY : b.capacity().bytesOutPerSec();
    }
  }

  /**
   * Returns the plan that relieves the brokers of {@code model} above {@code threshold}, planned
   * and explained with {@code options} (whose excluded topics never move).
   *
   * @throws IllegalArgumentException when the threshold is a percentage of a capacity some broker
   *     does not have
   */
  public static Relief calculate(
      ClusterModel model, ReliefThreshold threshold, PlannerOptions options) {
    requireNonNull(model, "model");
    requireNonNull(threshold, "threshold");
    requireNonNull(options, "options");
    ThresholdRelief relief = new ThresholdRelief(model, threshold, options.excludedTopics());
    Map<Integer, double[]> hot = relief.run();
    Plan plan = new Planner(options).planTo(model, relief.target());
    Map<Integer, Relief.HotBroker> outcome = new LinkedHashMap<>();
    hot.forEach(
        (b, beforeAndLimit) ->
            outcome.put(
                model.brokers().get(b).id(),
                new Relief.HotBroker(
                    beforeAndLimit[0], relief.load[relief.resource][b], beforeAndLimit[1])));
    return new Relief(relief.explained(plan), threshold, outcome);
  }

  /**
   * Relieves every hot broker, hottest first, but excluded and dead ones; returns each one's load
   * before and its limit.
   */
  private Map<Integer, double[]> run() {
    List<Integer> hot = new ArrayList<>();
    for (int b = 0; b < limit.length; b++) {
      if (load[resource][b] > limit[b] + EPS) {
        hot.add(b);
      }
    }
    hot.sort((a, b) -> Double.compare(excess(b), excess(a)));
    Map<Integer, double[]> before = new LinkedHashMap<>();
    for (int b : hot) {
      if (!model.brokers().get(b).state().canReceive() && !movableFrom(b)) {
        continue; // an excluded or dead broker is left alone, as asked
      }
      before.put(b, new double[] {load[resource][b], limit[b]});
      while (load[resource][b] > limit[b] + EPS) {
        Step step = bestStep(b);
        if (step == null) {
          break;
        }
        apply(step);
      }
    }
    return before;
  }

  private double excess(int b) {
    return (load[resource][b] - limit[b]) / Math.max(limit[b], EPS);
  }

  private boolean movableFrom(int b) {
    return switch (model.brokers().get(b).state()) {
      case SLOW, DRAINING -> true;
      default -> false;
    };
  }

  /** One way to take load off a hot broker. */
  private record Step(
      int partition, int from, int to, boolean leadership, double relief, long bytes) {}

  /**
   * Returns the cheapest step that brings {@code b} to its limit, or else the one relieving the
   * most per byte moved; null when no step keeps every destination at or under the threshold.
   */
  private Step bestStep(int b) {
    double needed = load[resource][b] - limit[b];
    Step covering = null;
    Step best = null;
    List<Partition> parts = model.partitions();
    for (int q = 0; q < parts.size(); q++) {
      Partition p = parts.get(q);
      if (replicas.containsKey(q) || p.leader() < 0 || !p.replicas().contains(id(b))) {
        continue; // moved already, offline, or not on b
      }
      if (excludedTopics != null && excludedTopics.matcher(p.topic()).matches()) {
        continue;
      }
      for (Step s : new Step[] {leadershipStep(q, b), moveStep(q, b)}) {
        if (s == null) {
          continue;
        }
        if (s.relief() >= needed - EPS) {
          if (covering == null || s.bytes() < covering.bytes()) {
            covering = s;
          }
        } else if (best == null || perByte(s) > perByte(best)) {
          best = s;
        }
      }
    }
    return covering != null ? covering : best;
  }

  private static double perByte(Step s) {
    return s.relief() / (s.bytes() + 1.0);
  }

  /** Returns the transfer of {@code q}'s leadership off {@code b}, or null when none helps. */
  private Step leadershipStep(int q, int b) {
    Partition p = model.partitions().get(q);
    double relief = value(resource, p, true) - value(resource, p, false);
    if (p.leader() != id(b) || relief <= EPS) {
      return null;
    }
    int to = -1;
    for (int r : p.isr()) {
      int f = model.indexOf(r);
      if (f == b || !receives(f)) {
        continue;
      }
      if (fits(f, p, true, false) && (to < 0 || utilisation(f) < utilisation(to))) {
        to = f;
      }
    }
    return to < 0 ? null : new Step(q, b, to, true, relief, 0);
  }

  /** Returns the move of {@code q}'s replica off {@code b} to the least loaded fit, or null. */
  private Step moveStep(int q, int b) {
    Partition p = model.partitions().get(q);
    boolean leads = p.leader() == id(b);
    double relief = value(resource, p, leads);
    if (relief <= EPS) {
      return null;
    }
    int to = -1;
    for (int d = 0; d < limit.length; d++) {
      if (d == b || !receives(d) || p.replicas().contains(id(d)) || !keepsRacks(p, b, d)) {
        continue;
      }
      if (fits(d, p, leads, true) && (to < 0 || utilisation(d) < utilisation(to))) {
        to = d;
      }
    }
    return to < 0 ? null : new Step(q, b, to, false, relief, p.load().sizeBytes());
  }

  private boolean receives(int b) {
    return model.brokers().get(b).state().canReceive();
  }

  private double utilisation(int b) {
    return load[resource][b] / Math.max(limit[b], EPS);
  }

  /**
   * Returns whether {@code d} stays at or under the threshold and its capacity when it takes a
   * replica of {@code p} ({@code replica}) or only its leadership.
   */
  private boolean fits(int d, Partition p, boolean asLeader, boolean replica) {
    double[] add = new double[load.length];
    for (int r = 0; r < load.length; r++) {
      add[r] = replica ? value(r, p, asLeader) : value(r, p, true) - value(r, p, false);
    }
    int in = Goal.NETWORK_IN.ordinal();
    int out = Goal.NETWORK_OUT.ordinal();
    return load[resource][d] + add[resource] <= limit[d] + EPS
        && load[in][d] + add[in] <= capIn[d] + EPS
        && load[out][d] + add[out] <= capOut[d] + EPS;
  }

  private boolean keepsRacks(Partition p, int from, int to) {
    Set<String> before = new HashSet<>();
    Set<String> after = new HashSet<>();
    for (int r : p.replicas()) {
      before.add(rack(model.indexOf(r)));
      after.add(rack(r == id(from) ? to : model.indexOf(r)));
    }
    return after.size() >= before.size();
  }

  private String rack(int b) {
    String rack = model.brokers().get(b).rack();
    return rack == null ? "" : rack;
  }

  /** Returns the load a replica of {@code p} puts on resource {@code r} in the given role. */
  private static double value(int r, Partition p, boolean leader) {
    var l = p.load();
    return switch (Goal.values()[r]) {
      case NETWORK_IN -> l.bytesInPerSec();
      case NETWORK_OUT ->
          leader ? l.bytesOutPerSec() + l.bytesInPerSec() * (p.replicas().size() - 1) : 0;
      case MESSAGES -> leader ? l.messagesInPerSec() : 0;
      case DISK -> l.sizeBytes();
      case REPLICAS -> 1;
      case LEADERS -> leader ? 1 : 0;
      case TOPIC_SPREAD -> 0;
    };
  }

  private void apply(Step s) {
    Partition p = model.partitions().get(s.partition());
    boolean leads = p.leader() == id(s.from());
    List<Integer> next = new ArrayList<>(p.replicas());
    int leader;
    for (int r = 0; r < load.length; r++) {
      double v = s.leadership() ? value(r, p, true) - value(r, p, false) : value(r, p, leads);
      load[r][s.from()] -= v;
      load[r][s.to()] += v;
    }
    if (s.leadership()) {
      leader = id(s.to());
    } else {
      next.set(next.indexOf(id(s.from())), id(s.to()));
      leader = leads ? id(s.to()) : p.leader();
    }
    replicas.put(s.partition(), next);
    leaders.put(s.partition(), leader);
    details.put(
        s.partition(),
        (s.leadership() ? "hands leadership from broker " : "moves the replica on broker ")
            + id(s.from())
            + " to broker "
            + id(s.to())
            + ": relieves "
            + Units.of(threshold.resource(), s.relief())
            + " of "
            + threshold.resource().label()
            + " on a broker above "
            + threshold.text());
  }

  private ClusterModel target() {
    List<Partition> parts = new ArrayList<>(model.partitions());
    replicas.forEach(
        (q, next) -> {
          Partition p = parts.get(q);
          parts.set(
              q, new Partition(p.topic(), p.partition(), next, leaders.get(q), next, p.load()));
        });
    return ClusterModel.of(model.brokers(), parts);
  }

  /** Returns {@code plan} with each action's reason and sentence saying what it relieves. */
  private Plan explained(Plan plan) {
    Map<String, String> byName = new HashMap<>();
    details.forEach((q, d) -> byName.put(model.partitions().get(q).name(), d));
    Reason reason = Reason.valueOf(threshold.resource().name());
    List<Action> actions = new ArrayList<>();
    for (Action a : plan.actions()) {
      actions.add(
          new Action(
              a.sequence(),
              a.kind(),
              a.topic(),
              a.partition(),
              a.oldReplicas(),
              a.newReplicas(),
              a.oldLeader(),
              a.newLeader(),
              a.bytesToMove(),
              reason,
              byName.getOrDefault(a.name(), a.detail()),
              a.brokers()));
    }
    return new Plan(actions, plan.summary());
  }

  private int id(int b) {
    return model.brokers().get(b).id();
  }
}
