package dev.ballast.solver;

import static java.util.Objects.requireNonNull;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact reference of the planner: the same problem (hard goals, the band of every weighted
 * goal) solved by CP-SAT for the fewest bytes moved. Stage one asks for a placement within every
 * band at the least cost; when none exists (proven), stage two, if the limits allow it, minimises
 * the residual violation and then the bytes at that violation. The heuristic's plan seeds the
 * search (solution hint) and supplies the bands, so both are measured against the same targets.
 */
public final class ExactPlanner {

  /** The largest cluster {@code plan --exact} takes, in replicas. */
  public static final int MAX_REPLICAS = 5_000;

  private final PlannerOptions options;
  private final SolverLimits limits;

  /** Creates a solver for {@code options} within {@code limits}. */
  public ExactPlanner(PlannerOptions options, SolverLimits limits) {
    this.options = requireNonNull(options, "options");
    this.limits = requireNonNull(limits, "limits");
  }

  /** Returns why {@code model} is too large for the exact solver, or null when it is not. */
  public static String tooLarge(ClusterModel model) {
    long replicas = model.replicaCount();
    if (replicas <= MAX_REPLICAS) {
      return null;
    }
    return String.format(
        "the exact solver takes clusters up to %,d replicas; this one has %,d (use plan without"
            + " --exact)",
        MAX_REPLICAS, replicas);
  }

  /** Returns the cheapest placement of {@code model} in the bands {@code heuristic} reports. */
  public ExactResult solve(ClusterModel model, Plan heuristic) {
    requireNonNull(model, "model");
    requireNonNull(heuristic, "heuristic");
    Natives.load();
    ClusterModel settled = heuristic.applyTo(model);
    double budget = limits.timeLimit().toMillis() / 1000.0;
    PlacementModel balanced =
        new PlacementModel(model, options, heuristic.summary().goals(), settled);
    balanced.bandsAsConstraints();
    LinearExpr bytes = balanced.bytesMoved();
    balanced.cp.minimize(bytes);
    hint(balanced, settled);
    CpSolver solver = solver(budget);
    CpSolverStatus status = solver.solve(balanced.cp);
    double used = solver.wallTime();
    if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
      return new ExactResult(
          status == CpSolverStatus.OPTIMAL ? Outcome.OPTIMAL : Outcome.FEASIBLE,
          Boolean.TRUE,
          true,
          solver.value(bytes),
          (long) Math.ceil(solver.bestObjectiveBound() - 1e-6),
          target(balanced, solver),
          used);
    }
    if (status == CpSolverStatus.MODEL_INVALID) {
      throw new IllegalStateException("invalid CP-SAT model: " + balanced.cp.validate());
    }
    Boolean reachable = status == CpSolverStatus.INFEASIBLE ? Boolean.FALSE : null;
    if (!limits.residual() || reachable == null || budget - used < 0.05) {
      return new ExactResult(outcome(status), reachable, false, -1, 0, null, used);
    }
    return residual(model, heuristic, settled, budget - used, used);
  }

  private ExactResult residual(
      ClusterModel model, Plan heuristic, ClusterModel settled, double budget, double used) {
    PlacementModel m = new PlacementModel(model, options, heuristic.summary().goals(), settled);
    LinearExpr violation = m.violation();
    m.cp.minimize(violation);
    hint(m, settled);
    CpSolver first = solver(budget / 2);
    CpSolverStatus status = first.solve(m.cp);
    used += first.wallTime();
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new ExactResult(outcome(status), Boolean.FALSE, false, -1, 0, null, used);
    }
    // Lexicographic: keep the violation found, then move as little as possible.
    m.cp.addLessOrEqual(violation, first.value(violation));
    LinearExpr bytes = m.bytesMoved();
    m.cp.clearObjective();
    m.cp.minimize(bytes);
    m.cp.clearHints();
    for (int p = 0; p < m.x.length; p++) {
      for (int b = 0; b < m.x[p].length; b++) {
        hintValue(m, m.x[p][b], m.x[p][b] != null && first.booleanValue(m.x[p][b]));
        hintValue(m, m.lead[p][b], m.lead[p][b] != null && first.booleanValue(m.lead[p][b]));
      }
    }
    CpSolver second = solver(Math.max(0.05, budget - first.wallTime()));
    CpSolverStatus status2 = second.solve(m.cp);
    used += second.wallTime();
    boolean ok = status2 == CpSolverStatus.OPTIMAL || status2 == CpSolverStatus.FEASIBLE;
    CpSolver best = ok ? second : first;
    boolean optimal = status == CpSolverStatus.OPTIMAL && status2 == CpSolverStatus.OPTIMAL;
    return new ExactResult(
        optimal ? Outcome.OPTIMAL : Outcome.FEASIBLE,
        Boolean.FALSE,
        false,
        best.value(bytes),
        ok ? (long) Math.ceil(second.bestObjectiveBound() - 1e-6) : 0,
        target(m, best),
        used);
  }

  private static void hintValue(PlacementModel m, BoolVar v, boolean value) {
    if (v != null) {
      m.cp.addHint(v, value);
    }
  }

  private CpSolver solver(double seconds) {
    CpSolver solver = new CpSolver();
    solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(limits.workers());
    return solver;
  }

  private static Outcome outcome(CpSolverStatus status) {
    return switch (status) {
      case OPTIMAL -> Outcome.OPTIMAL;
      case FEASIBLE -> Outcome.FEASIBLE;
      case INFEASIBLE -> Outcome.INFEASIBLE;
      default -> Outcome.UNKNOWN;
    };
  }

  /** Hints the heuristic's placement: CP-SAT starts from it and only has to improve. */
  private static void hint(PlacementModel m, ClusterModel settled) {
    List<Partition> parts = settled.partitions();
    for (int p = 0; p < parts.size(); p++) {
      Partition part = parts.get(p);
      for (int b = 0; b < m.x[p].length; b++) {
        int id = settled.brokers().get(b).id();
        hintValue(m, m.x[p][b], part.replicas().contains(id));
        hintValue(m, m.lead[p][b], part.leader() == id);
      }
    }
  }

  private static ClusterModel target(PlacementModel m, CpSolver solver) {
    ClusterModel model = m.model;
    Map<Integer, Partition> replaced = new HashMap<>();
    List<Partition> parts = model.partitions();
    for (int p = 0; p < parts.size(); p++) {
      Partition part = parts.get(p);
      List<Integer> kept = new ArrayList<>();
      List<Integer> added = new ArrayList<>();
      int leader = -1;
      for (int b = 0; b < m.x[p].length; b++) {
        int id = model.brokers().get(b).id();
        boolean holds =
            m.x[p][b] != null ? solver.booleanValue(m.x[p][b]) : m.domains.replicaFixed(p, b);
        if (holds) {
          (part.replicas().contains(id) ? kept : added).add(id);
        }
        boolean leads =
            m.lead[p][b] != null ? solver.booleanValue(m.lead[p][b]) : m.domains.leaderFixed(p, b);
        leader = leads ? id : leader;
      }
      List<Integer> replicas = new ArrayList<>();
      for (int id : part.replicas()) {
        if (kept.contains(id)) {
          replicas.add(id);
        }
      }
      replicas.addAll(added);
      List<Integer> isr = new ArrayList<>();
      for (int id : replicas) {
        if (part.isr().contains(id) || added.contains(id)) {
          isr.add(id);
        }
      }
      replaced.put(
          p, new Partition(part.topic(), part.partition(), replicas, leader, isr, part.load()));
    }
    return model.withReplaced(replaced);
  }
}
