package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.RESOURCES;

import dev.ballast.core.model.BrokerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the sentences of a plan: what each action does, and why a goal is not met. */
final class Explanations {

  private static final int EXAMPLES = 3;

  private final PlacementState st;
  private final Objective obj;

  Explanations(PlacementState st, Objective obj) {
    this.st = st;
    this.obj = obj;
  }

  /** Returns the sentence describing one action. */
  static String action(
      ActionKind kind,
      String name,
      int[] oldIds,
      int[] newIds,
      int oldLeader,
      int newLeader,
      Reason reason,
      String swapPartner,
      List<BrokerLoad> loads) {
    StringBuilder sb = new StringBuilder();
    if (kind == ActionKind.LEADERSHIP) {
      sb.append("leadership of ")
          .append(name)
          .append(" from broker ")
          .append(oldLeader)
          .append(" to broker ")
          .append(newLeader);
    } else {
      List<Integer> from = new ArrayList<>();
      List<Integer> to = new ArrayList<>();
      for (int id : oldIds) {
        if (Arrays.stream(newIds).noneMatch(x -> x == id)) {
          from.add(id);
        }
      }
      for (int id : newIds) {
        if (Arrays.stream(oldIds).noneMatch(x -> x == id)) {
          to.add(id);
        }
      }
      sb.append(kind == ActionKind.SWAP ? "swap " : "move ")
          .append(name)
          .append(" from broker ")
          .append(join(from))
          .append(" to broker ")
          .append(join(to));
      if (swapPartner != null) {
        sb.append(" (with ").append(swapPartner).append(")");
      }
      if (oldLeader != newLeader && newLeader >= 0) {
        sb.append(", leader ").append(oldLeader).append(" -> ").append(newLeader);
      }
    }
    sb.append(" for ").append(reason.label());
    Goal shown = shownGoal(reason);
    sb.append(" (").append(shown.label()).append(":");
    for (BrokerLoad l : loads) {
      sb.append(" broker ")
          .append(l.brokerId())
          .append(' ')
          .append(Units.of(shown, l.before().get(shown)))
          .append(" -> ")
          .append(Units.of(shown, l.after().get(shown)))
          .append(';');
    }
    sb.setLength(sb.length() - 1);
    return sb.append(')').toString();
  }

  /** Returns the resource an action's reason is best shown in. */
  static Goal shownGoal(Reason reason) {
    return switch (reason) {
      case DRAIN, DEAD_BROKER, RACK_SPREAD, TOPIC_SPREAD -> Goal.REPLICAS;
      case SLOW_BROKER -> Goal.LEADERS;
      case CAPACITY -> Goal.NETWORK_IN;
      default -> Goal.valueOf(reason.name());
    };
  }

  private static String join(List<Integer> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** Returns why soft goal index {@code g} is not met after the plan. */
  String softGoal(int g, double weight) {
    Goal goal = Goal.values()[g];
    if (weight == 0) {
      return "not pursued (weight 0)";
    }
    if (obj.active == 0) {
      return "no broker can receive load (every broker is draining, dead, slow or excluded)";
    }
    if (g == RESOURCES) {
      return topicSpread();
    }
    int worst = -1;
    double worstViol = 0;
    for (int b = 0; b < st.brokers; b++) {
      double v = st.canReceive[b] ? obj.viol(g, st.load[g][b]) : 0;
      if (v > worstViol) {
        worstViol = v;
        worst = b;
      }
    }
    String where =
        "broker "
            + st.brokerId[worst]
            + " is at "
            + Units.of(goal, st.load[g][worst])
            + " (band "
            + Units.of(goal, obj.lo[g])
            + " .. "
            + Units.of(goal, obj.hi[g])
            + ")";
    int heaviest = -1;
    for (int p = 0; p < st.partitions; p++) {
      if (heaviest < 0 || st.value(g, p, true) > st.value(g, heaviest, true)) {
        heaviest = p;
      }
    }
    if (heaviest >= 0 && st.value(g, heaviest, true) > obj.hi[g] + Objective.EPS) {
      return where
          + "; partition "
          + name(heaviest)
          + " alone carries "
          + Units.of(goal, st.value(g, heaviest, true))
          + ", above the band: no placement balances it (split the partition or add brokers)";
    }
    boolean overloaded = st.load[g][worst] > obj.hi[g];
    if (overloaded && pinnedShare(worst, g) > st.load[g][worst] - obj.hi[g]) {
      return where + "; most of its load is on excluded topics, which never move";
    }
    if (st.racked) {
      // Partitions that keep a replica per rack cannot move load between racks: a rack with
      // fewer brokers than its share carries more per broker, whatever the placement.
      int rack = st.rackOf[worst];
      double sum = 0;
      int n = 0;
      for (int b = 0; b < st.brokers; b++) {
        if (st.canReceive[b] && st.rackOf[b] == rack) {
          sum += st.load[g][b];
          n++;
        }
      }
      double avg = sum / n;
      if ((overloaded && avg > obj.hi[g]) || (!overloaded && avg < obj.lo[g])) {
        return where
            + "; its rack's "
            + n
            + " receiving brokers average "
            + Units.of(goal, avg)
            + ", outside the band: replicas stay spread over the racks, so load cannot move"
            + " between them (balance the number of brokers per rack, or widen --band)";
      }
    }
    return where
        + "; no leadership transfer, replica move or swap among the candidates lowers the"
        + " objective: each would push this or another goal further out of its band"
        + " (the partitions are too coarse for the band; a wider --band or more partitions help)";
  }

  private double pinnedShare(int b, int g) {
    double sum = 0;
    int[] slots = st.slotsOf(b);
    for (int i = 0; i < st.slotCount(b); i++) {
      int p = st.partitionOf(slots[i]);
      if (st.pinned[p]) {
        sum += st.value(g, p, st.leader[p] == b);
      }
    }
    return sum;
  }

  private String topicSpread() {
    int worst = 0;
    for (int b = 1; b < st.brokers; b++) {
      if (obj.topicOver[b] + obj.topicUnder[b] > obj.topicOver[worst] + obj.topicUnder[worst]) {
        worst = b;
      }
    }
    return "broker "
        + st.brokerId[worst]
        + " holds "
        + obj.topicOver[worst]
        + " replicas above and "
        + obj.topicUnder[worst]
        + " below its topics' bands; moving them would unbalance a weightier goal";
  }

  private String name(int p) {
    return st.topicNames[st.topicOf[p]] + "-" + st.model.partitions().get(p).partition();
  }

  /** Returns the state of every hard goal after the plan. */
  List<HardGoalReport> hardGoals() {
    List<HardGoalReport> out = new ArrayList<>();
    out.add(new HardGoalReport("replication-factor", true, "every partition keeps its replicas"));
    out.add(emptied(BrokerState.DRAINING, "drain"));
    out.add(emptied(BrokerState.DEAD, "dead-broker"));
    out.add(slowLeaders());
    out.add(racks());
    out.add(capacity());
    return out;
  }

  private HardGoalReport emptied(BrokerState state, String name) {
    List<String> left = new ArrayList<>();
    int count = 0;
    boolean any = false;
    for (int b = 0; b < st.brokers; b++) {
      if (st.state[b] != state) {
        continue;
      }
      any = true;
      int[] slots = st.slotsOf(b);
      for (int i = 0; i < st.slotCount(b); i++) {
        int p = st.partitionOf(slots[i]);
        count++;
        if (left.size() < EXAMPLES) {
          left.add(name(p) + " on broker " + st.brokerId[b] + " (" + stuckReason(p, state) + ")");
        }
      }
    }
    if (!any) {
      return new HardGoalReport(name, true, "no " + state.label() + " broker");
    }
    if (count == 0) {
      return new HardGoalReport(name, true, "every " + state.label() + " broker is empty");
    }
    return new HardGoalReport(
        name, false, count + " replicas stay: " + String.join("; ", left) + more(count));
  }

  private String stuckReason(int p, BrokerState state) {
    if (st.pinned[p]) {
      return "its topic is excluded";
    }
    if (state == BrokerState.DEAD && st.rf(p) == 1) {
      return "RF=1 and its only copy is on the dead broker";
    }
    int free = 0;
    for (int b = 0; b < st.brokers; b++) {
      free += st.canReceive[b] && !st.holds(p, b) ? 1 : 0;
    }
    if (free == 0) {
      return "too few brokers: RF "
          + st.rf(p)
          + " needs another receiving broker that does not hold it yet (add a broker)";
    }
    return "no receiving broker can take it without breaking racks or capacity";
  }

  private HardGoalReport slowLeaders() {
    int count = 0;
    List<String> left = new ArrayList<>();
    boolean any = false;
    for (int b = 0; b < st.brokers; b++) {
      any |= st.state[b] == BrokerState.SLOW;
    }
    for (int p = 0; p < st.partitions; p++) {
      int l = st.leader[p];
      if (l >= 0 && st.state[l] == BrokerState.SLOW) {
        count++;
        if (left.size() < EXAMPLES) {
          left.add(
              name(p)
                  + " on broker "
                  + st.brokerId[l]
                  + (st.pinned[p]
                      ? " (its topic is excluded)"
                      : " (no eligible replica or broker)"));
        }
      }
    }
    if (count == 0) {
      return new HardGoalReport(
          "slow-broker", true, any ? "slow brokers lead nothing" : "no slow broker");
    }
    return new HardGoalReport(
        "slow-broker",
        false,
        count + " partitions still led by slow brokers: " + String.join("; ", left) + more(count));
  }

  private HardGoalReport racks() {
    if (!st.racked) {
      return new HardGoalReport("rack-spread", true, "no racks configured");
    }
    int count = 0;
    String example = "";
    for (int p = 0; p < st.partitions; p++) {
      if (st.rackDeficit(p) > 0) {
        if (count++ == 0) {
          example = name(p);
        }
      }
    }
    return count == 0
        ? new HardGoalReport(
            "rack-spread", true, "every partition spans min(RF, " + st.liveRacks + ") racks")
        : new HardGoalReport(
            "rack-spread",
            false,
            count
                + " partitions span fewer racks than they could, e.g. "
                + example
                + " (no broker on a missing rack can take it)");
  }

  private HardGoalReport capacity() {
    List<String> over = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    boolean any = false;
    for (int b = 0; b < st.brokers; b++) {
      any |= Double.isFinite(st.capIn[b]) || Double.isFinite(st.capOut[b]);
      if (st.load[PlacementState.NW_IN][b] > st.capIn[b] + Objective.EPS
          || st.load[PlacementState.NW_OUT][b] > st.capOut[b] + Objective.EPS) {
        (st.state[b] == BrokerState.EXCLUDED ? excluded : over).add(String.valueOf(st.brokerId[b]));
      }
    }
    if (!any) {
      return new HardGoalReport("capacity", true, "no capacity configured");
    }
    List<String> parts = new ArrayList<>();
    if (!over.isEmpty()) {
      parts.add(
          "brokers "
              + String.join(",", over)
              + " stay above capacity: the other brokers have no room left (add brokers)");
    }
    if (!excluded.isEmpty()) {
      parts.add(
          "excluded brokers "
              + String.join(",", excluded)
              + " stay above capacity: nothing moves off an excluded broker");
    }
    return parts.isEmpty()
        ? new HardGoalReport("capacity", true, "every broker is within its capacity")
        : new HardGoalReport("capacity", false, String.join("; ", parts));
  }

  private static String more(int count) {
    return count > EXAMPLES ? "; ..." : "";
  }
}
