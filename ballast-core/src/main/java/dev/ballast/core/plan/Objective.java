package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.LEADERS;
import static dev.ballast.core.plan.PlacementState.NW_IN;
import static dev.ballast.core.plan.PlacementState.NW_OUT;
import static dev.ballast.core.plan.PlacementState.REPLICAS;
import static dev.ballast.core.plan.PlacementState.RESOURCES;

import dev.ballast.core.model.BrokerState;

/**
 * The balance objective: for every goal, how far each receiving broker sits outside the band around
 * the target mean, divided by the mean and weighted. The targets are fixed when planning starts:
 * the load that will end on receiving brokers (after draining, dead and slow brokers shed what they
 * must) divided by their number. Also tracks per-broker topic-spread violations and evaluates the
 * change an action would make in O(resources).
 */
final class Objective {

  static final double EPS = 1e-9;

  final PlacementState st;
  private final PlannerOptions options;
  final int active;
  final double[] mean = new double[RESOURCES];
  final double[] lo = new double[RESOURCES];
  final double[] hi = new double[RESOURCES];
  final double[] coef = new double[RESOURCES];
  final boolean[] idle = new boolean[RESOURCES];
  double topicCoef;
  final int[] topicLo;
  final int[] topicHi;
  final int[] topicOver;
  final int[] topicUnder;

  Objective(PlacementState st, PlannerOptions options) {
    this.st = st;
    this.options = options;
    int n = 0;
    for (int b = 0; b < st.brokers; b++) {
      n += st.canReceive[b] ? 1 : 0;
    }
    active = n;
    topicLo = new int[st.topics];
    topicHi = new int[st.topics];
    topicOver = new int[st.brokers];
    topicUnder = new int[st.brokers];
    retarget(/* estimate= */ true);
  }

  /**
   * Sets the target means and bands. With {@code estimate}, from the load that should end on
   * receiving brokers once hard goals are repaired (what draining, dead and slow brokers must
   * shed); otherwise from the load receiving brokers carry now, which is what the balancing phase
   * redistributes (and what a re-plan of the result starts from).
   */
  void retarget(boolean estimate) {
    double[] total = new double[RESOURCES];
    double[] topicTotal = new double[st.topics];
    for (int p = 0; p < st.partitions; p++) {
      for (int s = st.off[p]; s < st.off[p + 1]; s++) {
        int b = st.replica[s];
        boolean isLeader = st.leader[p] == b;
        double share = estimate ? targetShare(p, b, isLeader) : st.canReceive[b] ? 1 : 0;
        if (share == 1) {
          topicTotal[st.topicOf[p]]++;
          for (int r = 0; r < RESOURCES; r++) {
            total[r] += st.value(r, p, isLeader);
          }
        } else if (share == 0.5) {
          for (int r = 0; r < RESOURCES; r++) {
            total[r] += st.leaderOnly(r, p);
          }
        }
      }
    }
    double band = options.band();
    for (int r = 0; r < RESOURCES; r++) {
      Goal g = Goal.RESOURCES[r];
      mean[r] = active == 0 ? 0 : total[r] / active;
      if (g.counted()) {
        hi[r] = Math.max(Math.floor(mean[r] * (1 + band) + EPS), Math.ceil(mean[r] - EPS));
        lo[r] = Math.min(Math.ceil(mean[r] * (1 - band) - EPS), Math.floor(mean[r] + EPS));
      } else {
        hi[r] = mean[r] * (1 + band);
        lo[r] = mean[r] * (1 - band);
      }
      idle[r] = mean[r] <= 0 || mean[r] < options.idleFloor(g);
      coef[r] = idle[r] ? 0 : options.weight(g);
    }
    topicCoef = mean[REPLICAS] > 0 ? options.weight(Goal.TOPIC_SPREAD) / mean[REPLICAS] : 0;
    for (int t = 0; t < st.topics; t++) {
      double mu = active == 0 ? 0 : topicTotal[t] / active;
      topicHi[t] = (int) Math.max(Math.floor(mu * (1 + band) + EPS), Math.ceil(mu - EPS));
      topicLo[t] = (int) Math.min(Math.ceil(mu * (1 - band) - EPS), Math.floor(mu + EPS));
    }
    java.util.Arrays.fill(topicOver, 0);
    java.util.Arrays.fill(topicUnder, 0);
    for (int t = 0; t < st.topics; t++) {
      for (int b = 0; b < st.brokers; b++) {
        int c = st.topicCount[t * st.brokers + b];
        topicOver[b] += Math.max(0, c - topicHi[t]);
        topicUnder[b] += Math.max(0, topicLo[t] - c);
      }
    }
  }

  /**
   * Returns which share of a replica's load ends on receiving brokers: 1 all of it, 0.5 only its
   * leader part (a slow leader hands leadership over), 0 none (it stays where it is).
   */
  private double targetShare(int p, int b, boolean isLeader) {
    BrokerState s = st.state[b];
    if (s.canReceive()) {
      return 1;
    }
    return switch (s) {
      case DRAINING -> st.pinned[p] ? 0 : 1;
      case DEAD -> st.pinned[p] || st.rf(p) == 1 ? 0 : 1;
      case SLOW -> !isLeader || st.pinned[p] ? 0 : st.rf(p) == 1 ? 1 : 0.5;
      default -> 0;
    };
  }

  /** Returns how far {@code x} is outside the band of resource {@code r}. */
  double viol(int r, double x) {
    return x > hi[r] + EPS ? x - hi[r] : x < lo[r] - EPS ? lo[r] - x : 0;
  }

  /**
   * Returns the penalty of load {@code x} on resource {@code r}: with u the distance outside the
   * band divided by the mean, u + u^2. Zero inside the band (no churn for its own sake); convex
   * outside, so that evening out two brokers that are both over the band also pays.
   */
  double penalty(int r, double x) {
    if (mean[r] <= 0) {
      return 0; // an idle resource: nothing to balance (and 0/0 would make the objective NaN)
    }
    double u = viol(r, x) / mean[r];
    return linear ? u : u + u * u;
  }

  /** While set, penalties are linear (u, not u + u^2): the share of a move that closes gaps. */
  private boolean linear;

  /**
   * Returns the linear part of {@link #deltaMove}: how much of the distance outside the bands the
   * move closes, without the convex term that rewards evening out brokers already far out.
   */
  double deltaMoveLinear(int slot, int to) {
    linear = true;
    try {
      return deltaMove(slot, to);
    } finally {
      linear = false;
    }
  }

  /** Returns how far a count {@code c} of topic {@code t} is outside the topic's band. */
  int topicViol(int t, int c) {
    return Math.max(0, c - topicHi[t]) + Math.max(0, topicLo[t] - c);
  }

  private double term(int r, int b, double delta) {
    double x = st.load[r][b];
    return penalty(r, x + delta) - penalty(r, x);
  }

  private double topicTerm(int t, int b, int delta) {
    int c = st.topicCount[t * st.brokers + b];
    return topicViol(t, c + delta) - topicViol(t, c);
  }

  /** Returns the objective change if the replica in {@code slot} moved to broker {@code to}. */
  double deltaMove(int slot, int to) {
    int p = st.partitionOf(slot);
    int from = st.replica[slot];
    boolean isLeader = st.leader[p] == from;
    boolean scoredFrom = st.canReceive[from];
    boolean scoredTo = st.canReceive[to];
    double d = 0;
    for (int r = 0; r < RESOURCES; r++) {
      if (coef[r] == 0) {
        continue;
      }
      double v = st.value(r, p, isLeader);
      double t = (scoredFrom ? term(r, from, -v) : 0) + (scoredTo ? term(r, to, v) : 0);
      d += coef[r] * t;
    }
    if (topicCoef > 0) {
      int t = st.topicOf[p];
      d +=
          topicCoef
              * ((scoredFrom ? topicTerm(t, from, -1) : 0) + (scoredTo ? topicTerm(t, to, 1) : 0));
    }
    return d;
  }

  /** Returns the objective change if broker {@code to} became the leader of {@code p}. */
  double deltaLeader(int p, int to) {
    int from = st.leader[p];
    double d = 0;
    for (int r = 0; r < RESOURCES; r++) {
      if (coef[r] == 0) {
        continue;
      }
      double v = st.leaderOnly(r, p);
      if (v == 0) {
        continue;
      }
      double t = (from >= 0 && st.canReceive[from] ? term(r, from, -v) : 0);
      t += st.canReceive[to] ? term(r, to, v) : 0;
      d += coef[r] * t;
    }
    return d;
  }

  /** Returns the objective change if the replicas in slots {@code a} and {@code b} swapped. */
  double deltaSwap(int a, int b) {
    int p = st.partitionOf(a);
    int q = st.partitionOf(b);
    int ba = st.replica[a];
    int bb = st.replica[b];
    boolean la = st.leader[p] == ba;
    boolean lb = st.leader[q] == bb;
    double d = 0;
    for (int r = 0; r < RESOURCES; r++) {
      if (coef[r] == 0) {
        continue;
      }
      double net = st.value(r, p, la) - st.value(r, q, lb);
      if (net == 0) {
        continue;
      }
      double t = (st.canReceive[ba] ? term(r, ba, -net) : 0);
      t += st.canReceive[bb] ? term(r, bb, net) : 0;
      d += coef[r] * t;
    }
    int tp = st.topicOf[p];
    int tq = st.topicOf[q];
    if (topicCoef > 0 && tp != tq) {
      double t = 0;
      if (st.canReceive[ba]) {
        t += topicSwapTerm(ba, tp, -1, tq, 1);
      }
      if (st.canReceive[bb]) {
        t += topicSwapTerm(bb, tp, 1, tq, -1);
      }
      d += topicCoef * t;
    }
    return d;
  }

  private double topicSwapTerm(int b, int t1, int d1, int t2, int d2) {
    return topicTerm(t1, b, d1) + topicTerm(t2, b, d2);
  }

  /** Moves the replica in {@code slot} to {@code to}, keeping topic violations up to date. */
  void moveReplica(int slot, int to) {
    int p = st.partitionOf(slot);
    int t = st.topicOf[p];
    int from = st.replica[slot];
    retally(t, from, -1);
    retally(t, to, 1);
    st.moveReplica(slot, to);
  }

  private void retally(int t, int b, int delta) {
    int c = st.topicCount[t * st.brokers + b];
    topicOver[b] += Math.max(0, c + delta - topicHi[t]) - Math.max(0, c - topicHi[t]);
    topicUnder[b] += Math.max(0, topicLo[t] - c - delta) - Math.max(0, topicLo[t] - c);
  }

  /** Returns whether moving load {@code inDelta}/{@code outDelta} onto {@code b} fits capacity. */
  boolean fits(int b, double inDelta, double outDelta) {
    return (inDelta <= 0 || st.load[NW_IN][b] + inDelta <= st.capIn[b] + EPS)
        && (outDelta <= 0 || st.load[NW_OUT][b] + outDelta <= st.capOut[b] + EPS);
  }

  /**
   * Returns the weighted violation of goal index {@code g} (resources, then topic) at {@code b}.
   */
  double weighted(int g, int b) {
    if (!st.canReceive[b]) {
      return 0;
    }
    if (g == RESOURCES) {
      return topicCoef * (topicOver[b] + topicUnder[b]);
    }
    return coef[g] * penalty(g, st.load[g][b]);
  }

  /**
   * Returns the unweighted normalized score of goal index {@code g} for brokers at {@code load}
   * with topic counts {@code topicCount}: the sum of violations divided by the mean.
   */
  double goalScore(int g, double[][] load, int[] topicCount) {
    double sum = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (!st.canReceive[b]) {
        continue;
      }
      if (g == RESOURCES) {
        for (int t = 0; t < st.topics; t++) {
          sum += topicViol(t, topicCount[t * st.brokers + b]);
        }
      } else if (mean[g] > 0) {
        sum += viol(g, load[g][b]) / mean[g];
      }
    }
    return g == RESOURCES && mean[REPLICAS] > 0 ? sum / mean[REPLICAS] : sum;
  }

  /**
   * Returns the weighted sum of every goal's penalties for brokers at {@code load} with topic
   * counts {@code topicCount}: what the planner minimises.
   */
  double soft(double[][] load, int[] topicCount) {
    double sum = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (!st.canReceive[b]) {
        continue;
      }
      for (int r = 0; r < RESOURCES; r++) {
        sum += coef[r] * penalty(r, load[r][b]);
      }
      if (topicCoef > 0) {
        for (int t = 0; t < st.topics; t++) {
          sum += topicCoef * topicViol(t, topicCount[t * st.brokers + b]);
        }
      }
    }
    return sum;
  }

  /**
   * Returns the hard-goal violations: replicas on brokers being emptied, leaders on slow brokers,
   * missing racks, and relative load above capacity.
   */
  double hard() {
    double h = 0;
    for (int b = 0; b < st.brokers; b++) {
      if (st.state[b].mustBeEmptied()) {
        h += st.slotCount(b);
      } else if (st.state[b] == BrokerState.SLOW) {
        h += Math.round(st.load[LEADERS][b]);
      }
      h += Math.max(0, st.load[NW_IN][b] - st.capIn[b]) / st.capIn[b];
      h += Math.max(0, st.load[NW_OUT][b] - st.capOut[b]) / st.capOut[b];
    }
    for (int p = 0; p < st.partitions; p++) {
      h += st.rackDeficit(p);
    }
    return h;
  }
}
