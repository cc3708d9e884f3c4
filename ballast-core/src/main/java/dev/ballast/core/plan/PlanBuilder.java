package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.RESOURCES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the planner's final state into a {@link Plan}: one action per changed partition, in the
 * order the partitions were first touched, each replayed against the original loads to report the
 * brokers' load before and after it; then the summary, goal reports and lower bound.
 */
final class PlanBuilder {

  private final PlacementState st;
  private final Objective obj;
  private final PlannerOptions options;
  private final double[][] loadBefore;
  private final int[] topicBefore;
  private final double hardBefore;

  /** Captures the state before planning. */
  PlanBuilder(PlacementState st, Objective obj, PlannerOptions options) {
    this.st = st;
    this.obj = obj;
    this.options = options;
    loadBefore = new double[RESOURCES][];
    for (int r = 0; r < RESOURCES; r++) {
      loadBefore[r] = st.load[r].clone();
    }
    topicBefore = st.topicCount.clone();
    hardBefore = obj.hard();
  }

  /** Returns the plan for the state after {@code moves}. */
  Plan build(Moves moves, boolean converged) {
    List<Action> actions = actions(moves);
    int replicaMoves = 0;
    int transfers = 0;
    long bytes = 0;
    for (Action a : actions) {
      replicaMoves += a.replicasMoved();
      transfers += a.kind() == ActionKind.LEADERSHIP ? 1 : 0;
      bytes += a.bytesToMove();
    }
    // Before and after are scored against the same (final) targets.
    Score before = new Score(hardBefore, obj.soft(loadBefore, topicBefore));
    List<GoalReport> goals = new ArrayList<>();
    Explanations why = new Explanations(st, obj);
    for (Goal goal : Goal.values()) {
      int g = goal.ordinal();
      boolean idle = g < RESOURCES ? obj.idle[g] : obj.mean[PlacementState.REPLICAS] <= 0;
      double after = obj.goalScore(g, st.load, st.topicCount);
      boolean met = idle || options.weight(goal) == 0 || after <= Objective.EPS;
      boolean metBy = idle || after <= Objective.EPS;
      goals.add(
          new GoalReport(
              goal,
              options.weight(goal),
              idle,
              g < RESOURCES ? obj.mean[g] : 0,
              g < RESOURCES ? obj.lo[g] : 0,
              g < RESOURCES ? obj.hi[g] : 0,
              obj.goalScore(g, loadBefore, topicBefore),
              after,
              maxOverMean(g, loadBefore),
              maxOverMean(g, st.load),
              metBy,
              met && metBy ? "" : why.softGoal(g, options.weight(goal))));
    }
    List<BrokerLoad> brokers = new ArrayList<>();
    for (int b = 0; b < st.brokers; b++) {
      brokers.add(
          new BrokerLoad(st.brokerId[b], LoadVector.of(loadBefore, b), LoadVector.of(st.load, b)));
    }
    long bound = LowerBound.calculate(st, obj, loadBefore, topicBefore);
    PlanSummary summary =
        new PlanSummary(
            replicaMoves,
            transfers,
            actions.size(),
            bytes,
            bound,
            options.band(),
            before,
            new Score(obj.hard(), obj.soft(st.load, st.topicCount)),
            goals,
            why.hardGoals(),
            brokers,
            converged);
    return new Plan(actions, summary);
  }

  private double maxOverMean(int g, double[][] load) {
    if (g == RESOURCES || obj.mean[g] <= 0) {
      return g == RESOURCES ? 0 : 1;
    }
    double max = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (st.canReceive[b]) {
        max = Math.max(max, load[g][b]);
      }
    }
    return max / obj.mean[g];
  }

  private List<Action> actions(Moves moves) {
    long[] order = new long[st.partitions];
    int n = 0;
    for (int p = 0; p < st.partitions; p++) {
      if (moves.firstTouch[p] >= 0 && changed(p)) {
        order[n++] = ((long) moves.firstTouch[p] << 32) | p;
      }
    }
    Arrays.sort(order, 0, n);
    double[][] replay = new double[RESOURCES][];
    for (int r = 0; r < RESOURCES; r++) {
      replay[r] = loadBefore[r].clone();
    }
    List<Action> actions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int p = (int) order[i];
      actions.add(action(i + 1, p, moves, replay));
    }
    return actions;
  }

  /**
   * Returns whether {@code p} has another leader or another replica set; replicas that only changed
   * slots (moved away and back by different steps) are no change, and no action.
   */
  private boolean changed(int p) {
    if (st.leader[p] != st.originalLeader[p]) {
      return true;
    }
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (!heldOriginally(p, st.replica[s])) {
        return true;
      }
    }
    return false;
  }

  private boolean heldOriginally(int p, int b) {
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (st.original[s] == b) {
        return true;
      }
    }
    return false;
  }

  private Action action(int seq, int p, Moves moves, double[][] replay) {
    int[] oldIds = st.replicaIds(p, true);
    int[] newIds = st.replicaIds(p, false);
    List<Integer> oldList = Arrays.stream(oldIds).boxed().toList();
    List<Integer> newList = Arrays.stream(newIds).boxed().toList();
    int oldLeader = st.originalLeader[p];
    int newLeader = st.leader[p];
    int[] involved = involved(p, oldLeader, newLeader);
    List<LoadVector> beforeLoads = new ArrayList<>();
    for (int b : involved) {
      beforeLoads.add(LoadVector.of(replay, b));
    }
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      for (int r = 0; r < RESOURCES; r++) {
        replay[r][st.original[s]] -= st.value(r, p, st.original[s] == oldLeader);
        replay[r][st.replica[s]] += st.value(r, p, st.replica[s] == newLeader);
      }
    }
    List<BrokerLoad> loads = new ArrayList<>();
    for (int i = 0; i < involved.length; i++) {
      int b = involved[i];
      loads.add(new BrokerLoad(st.brokerId[b], beforeLoads.get(i), LoadVector.of(replay, b)));
    }
    int added = 0;
    for (int id : newIds) {
      added += contains(oldIds, id) ? 0 : 1;
    }
    int partner = moves.swapPartner[p];
    ActionKind kind = added == 0 ? ActionKind.LEADERSHIP : ActionKind.values()[moves.lastKind[p]];
    if (kind != ActionKind.MOVE && added > 0 && (partner < 0 || !mirrored(p, partner))) {
      // Later actions re-targeted one side of the swap: what remains is a plain move.
      kind = ActionKind.MOVE;
    }
    Reason reason = Reason.values()[moves.lastReason[p]];
    String name = st.topicNames[st.topicOf[p]] + "-" + st.model.partitions().get(p).partition();
    String detail =
        Explanations.action(
            kind,
            name,
            oldIds,
            newIds,
            oldLeader < 0 ? -1 : st.brokerId[oldLeader],
            newLeader < 0 ? -1 : st.brokerId[newLeader],
            reason,
            kind != ActionKind.SWAP
                ? null
                : st.topicNames[st.topicOf[partner]]
                    + "-"
                    + st.model.partitions().get(partner).partition(),
            loads);
    return new Action(
        seq,
        kind,
        st.topicNames[st.topicOf[p]],
        st.model.partitions().get(p).partition(),
        oldList,
        newList,
        oldLeader < 0 ? -1 : st.brokerId[oldLeader],
        newLeader < 0 ? -1 : st.brokerId[newLeader],
        st.size[p] * added,
        reason,
        detail,
        loads);
  }

  private int[] involved(int p, int oldLeader, int newLeader) {
    int[] tmp = new int[2 * st.rf(p) + 2];
    int k = 0;
    for (int s = st.off[p]; s < st.off[p + 1]; s++) {
      if (st.original[s] != st.replica[s]) {
        tmp[k++] = st.original[s];
        tmp[k++] = st.replica[s];
      }
    }
    if (oldLeader != newLeader) {
      if (oldLeader >= 0) {
        tmp[k++] = oldLeader;
      }
      if (newLeader >= 0) {
        tmp[k++] = newLeader;
      }
    }
    return Arrays.stream(tmp, 0, k).distinct().sorted().toArray();
  }

  /** Returns whether p and q exchanged brokers: each gained one the other lost. */
  private boolean mirrored(int p, int q) {
    int[] pOld = st.replicaIds(p, true);
    int[] pNew = st.replicaIds(p, false);
    int[] qOld = st.replicaIds(q, true);
    int[] qNew = st.replicaIds(q, false);
    for (int id : pNew) {
      if (!contains(pOld, id) && (!contains(qOld, id) || contains(qNew, id))) {
        return false;
      }
    }
    for (int id : qNew) {
      if (!contains(qOld, id) && (!contains(pOld, id) || contains(pNew, id))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(int[] ids, int id) {
    for (int x : ids) {
      if (x == id) {
        return true;
      }
    }
    return false;
  }
}
