package dev.ballast.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The planning problem as a CP-SAT model: a boolean per (partition, broker) for "holds a replica"
 * and one for "leads", the hard goals as constraints (replication factor, one replica per broker,
 * who may receive or lead, racks, capacity), and per-broker load expressions for each goal with its
 * band. The caller chooses what to do with the bands ({@link #bandsAsConstraints} or {@link
 * #violation}) and what to minimise.
 */
final class PlacementModel {

  /** A continuous resource is scaled so that its mean is this many units. */
  static final double SCALE = 1e7;

  final ClusterModel model;
  final CpModel cp = new CpModel();
  final Domains domains;
  final BoolVar[][] x;
  final BoolVar[][] lead;
  private final List<GoalBand> bands = new ArrayList<>();

  /** One goal's per-broker load expressions and band, in scaled units. */
  private record GoalBand(
      String name, LinearExpr[] load, long lo, long hi, long violationCoefficient) {}

  PlacementModel(
      ClusterModel model, PlannerOptions options, List<GoalReport> goals, ClusterModel settled) {
    this.model = model;
    this.domains = new Domains(model, options);
    int ps = model.partitions().size();
    int bs = model.brokers().size();
    x = new BoolVar[ps][bs];
    lead = new BoolVar[ps][bs];
    for (int p = 0; p < ps; p++) {
      for (int b = 0; b < bs; b++) {
        if (domains.replicaFree(p, b)) {
          x[p][b] = cp.newBoolVar("x" + p + "_" + b);
        }
        if (domains.leaderFree(p, b)) {
          lead[p][b] = cp.newBoolVar("l" + p + "_" + b);
        }
      }
    }
    addPlacementConstraints();
    addRackConstraints();
    for (GoalReport g : goals) {
      if (g.weight() > 0 && !g.idle() && g.goal() != Goal.TOPIC_SPREAD && g.mean() > 0) {
        addResourceBand(g);
      }
    }
    addCapacity();
    TopicBands.add(this, options, settled);
  }

  private void addPlacementConstraints() {
    List<Partition> parts = model.partitions();
    for (int p = 0; p < parts.size(); p++) {
      LinearExprBuilder replicas = LinearExpr.newBuilder();
      LinearExprBuilder leaders = LinearExpr.newBuilder();
      for (int b = 0; b < model.brokers().size(); b++) {
        replicas.add(term(x[p][b], domains.replicaFixed(p, b), 1));
        leaders.add(term(lead[p][b], domains.leaderFixed(p, b), 1));
        if (lead[p][b] != null) {
          if (x[p][b] != null) {
            cp.addImplication(lead[p][b], x[p][b]);
          } else if (!domains.replicaFixed(p, b)) {
            cp.addEquality(lead[p][b], 0);
          }
        }
      }
      cp.addEquality(replicas, parts.get(p).replicas().size());
      cp.addEquality(leaders, parts.get(p).leader() < 0 ? 0 : 1);
    }
  }

  private void addRackConstraints() {
    if (!domains.racked()) {
      return;
    }
    for (int p = 0; p < model.partitions().size(); p++) {
      int required = domains.requiredRacks(p);
      if (required <= 1) {
        continue;
      }
      LinearExprBuilder spread = LinearExpr.newBuilder();
      for (int k = 0; k < domains.racks(); k++) {
        LinearExprBuilder onRack = LinearExpr.newBuilder();
        for (int b = 0; b < model.brokers().size(); b++) {
          if (domains.rackOf(b) == k) {
            onRack.add(term(x[p][b], domains.replicaFixed(p, b), 1));
          }
        }
        BoolVar used = cp.newBoolVar("r" + p + "_" + k);
        cp.addLessOrEqual(used, onRack);
        spread.add(used);
      }
      cp.addGreaterOrEqual(spread, required);
    }
  }

  private void addResourceBand(GoalReport g) {
    Goal goal = g.goal();
    double scale = goal.counted() ? 1 : SCALE / g.mean();
    LinearExpr[] load = new LinearExpr[model.brokers().size()];
    for (int b = 0; b < load.length; b++) {
      if (domains.receives(b)) {
        load[b] = load(goal, b, scale);
      }
    }
    long coefficient = Math.max(1, Math.round(g.weight() * 1e10 / (g.mean() * scale)));
    bands.add(
        new GoalBand(
            goal.label(),
            load,
            Math.round(g.lower() * scale),
            Math.round(g.upper() * scale),
            coefficient));
  }

  /** Returns broker {@code b}'s load of {@code goal} in units of {@code 1/scale}. */
  LinearExpr load(Goal goal, int b, double scale) {
    LinearExprBuilder e = LinearExpr.newBuilder();
    List<Partition> parts = model.partitions();
    for (int p = 0; p < parts.size(); p++) {
      Partition part = parts.get(p);
      long onReplica = Math.round(Loads.replicaValue(goal, part) * scale);
      long onLeader = Math.round(Loads.leaderValue(goal, part) * scale);
      e.add(term(x[p][b], domains.replicaFixed(p, b), onReplica));
      e.add(term(lead[p][b], domains.leaderFixed(p, b), onLeader));
    }
    return e.build();
  }

  private void addCapacity() {
    for (int b = 0; b < model.brokers().size(); b++) {
      Broker broker = model.brokers().get(b);
      if (!domains.receives(b) || broker.capacity() == null) {
        continue;
      }
      capacity(Goal.NETWORK_IN, b, broker.capacity().bytesInPerSec());
      capacity(Goal.NETWORK_OUT, b, broker.capacity().bytesOutPerSec());
    }
  }

  private void capacity(Goal goal, int b, double limit) {
    if (Double.isInfinite(limit)) {
      return;
    }
    double now = 0;
    for (Partition part : model.partitions()) {
      int id = model.brokers().get(b).id();
      now += part.replicas().contains(id) ? Loads.replicaValue(goal, part) : 0;
      now += part.leader() == id ? Loads.leaderValue(goal, part) : 0;
    }
    // Never worse than it is: a broker already above its capacity may not gain.
    double cap = Math.max(limit, now);
    double scale = SCALE / Math.max(cap, 1);
    cp.addLessOrEqual(load(goal, b, scale), (long) Math.floor(cap * scale + 0.5));
  }

  /** Adds a band of per-broker expressions (topic spread, from {@link TopicBands}). */
  void addBand(String name, LinearExpr[] load, long lo, long hi, long violationCoefficient) {
    bands.add(new GoalBand(name, load, lo, hi, violationCoefficient));
  }

  /** Makes every band a hard constraint: every receiving broker within every goal's band. */
  void bandsAsConstraints() {
    for (GoalBand g : bands) {
      for (LinearExpr load : g.load()) {
        if (load != null) {
          cp.addLinearConstraint(load, g.lo(), g.hi());
        }
      }
    }
  }

  /**
   * Returns the residual objective: the weighted sum over goals and receiving brokers of the
   * distance outside the band divided by the mean (the linear part of the heuristic's penalty), in
   * units of 1e-10.
   */
  LinearExpr violation() {
    LinearExprBuilder total = LinearExpr.newBuilder();
    for (GoalBand g : bands) {
      for (int b = 0; b < g.load().length; b++) {
        if (g.load()[b] == null) {
          continue;
        }
        long span = Math.max(g.hi(), 1) * (receiving() + 1L);
        IntVar over = cp.newIntVar(0, span, "over_" + g.name() + b);
        IntVar under = cp.newIntVar(0, Math.max(g.lo(), 0), "under_" + g.name() + b);
        cp.addGreaterOrEqual(LinearExpr.newBuilder().add(over).addTerm(g.load()[b], -1), -g.hi());
        cp.addGreaterOrEqual(LinearExpr.newBuilder().add(under).add(g.load()[b]), g.lo());
        total.addTerm(over, g.violationCoefficient()).addTerm(under, g.violationCoefficient());
      }
    }
    return total.build();
  }

  /** Returns the bytes copied: each partition's size for every broker that did not hold it. */
  LinearExpr bytesMoved() {
    LinearExprBuilder e = LinearExpr.newBuilder();
    List<Partition> parts = model.partitions();
    for (int p = 0; p < parts.size(); p++) {
      for (int b = 0; b < model.brokers().size(); b++) {
        if (!domains.heldBefore(p, b)) {
          e.add(term(x[p][b], domains.replicaFixed(p, b), parts.get(p).load().sizeBytes()));
        }
      }
    }
    return e.build();
  }

  /** Returns {@code coefficient} times the variable, or the constant when it is fixed. */
  static LinearExpr term(BoolVar v, boolean fixedValue, long coefficient) {
    if (v != null) {
      return LinearExpr.term(v, coefficient);
    }
    return LinearExpr.constant(fixedValue ? coefficient : 0);
  }

  /** Returns whether broker index {@code b} may receive. */
  boolean receives(int b) {
    return model.brokers().get(b).state().canReceive();
  }

  /** Returns the number of receiving brokers. */
  int receiving() {
    int n = 0;
    for (Broker b : model.brokers()) {
      n += b.state() == BrokerState.ALIVE || b.state() == BrokerState.NEW ? 1 : 0;
    }
    return n;
  }
}
