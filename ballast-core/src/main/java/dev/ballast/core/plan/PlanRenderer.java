package dev.ballast.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Plan}: as the JSON {@code kafka-reassign-partitions.sh --execute} accepts, as
 * the rollback JSON of the current placement, as a table for people, and as one JSON document.
 */
public final class PlanRenderer {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanRenderer() {}

  /**
   * Returns the reassignment JSON for {@code kafka-reassign-partitions.sh --execute
   * --reassignment-json-file}: every changed partition with its new replicas, preferred leader
   * first.
   */
  public static String reassignmentJson(Plan plan) {
    return reassignment(plan, false);
  }

  /** Returns the reassignment JSON that puts every changed partition back where it was. */
  public static String rollbackJson(Plan plan) {
    return reassignment(plan, true);
  }

  private static String reassignment(Plan plan, boolean rollback) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", 1);
    ArrayNode parts = root.putArray("partitions");
    for (Action a : plan.actions()) {
      ObjectNode o = parts.addObject();
      o.put("topic", a.topic());
      o.put("partition", a.partition());
      List<Integer> replicas = rollback ? a.oldReplicas() : a.newReplicas();
      ArrayNode r = o.putArray("replicas");
      ArrayNode dirs = o.putArray("log_dirs");
      for (Integer id : replicas) {
        r.add(id);
        dirs.add("any");
      }
    }
    return write(root);
  }

  /**
   * Returns the partitions of the plan as the JSON {@code kafka-leader-election.sh --election-type
   * preferred --path-to-json-file} accepts: electing the preferred (first) replica of exactly these
   * partitions, after the reassignment, makes each intended leader lead. An election over all
   * partitions would also move leaders the plan did not intend to move.
   */
  public static String electionJson(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode parts = root.putArray("partitions");
    for (Action a : plan.actions()) {
      ObjectNode o = parts.addObject();
      o.put("topic", a.topic());
      o.put("partition", a.partition());
    }
    return write(root);
  }

  /** Returns the whole plan (summary, goals, actions) as one JSON document. */
  public static String json(Plan plan) {
    return write(MAPPER.valueToTree(plan));
  }

  private static String write(Object node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write plan JSON", e);
    }
  }

  /** Returns the plan as text tables, listing at most {@code maxActions} actions. */
  public static String table(Plan plan, int maxActions) {
    PlanSummary s = plan.summary();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Plan: %d replica moves, %d leadership transfers, %d partitions changed, %s to move"
                + " (lower bound %s%s)%n",
            s.replicaMoves(),
            s.leadershipTransfers(),
            s.partitionsChanged(),
            Units.bytes(s.bytesToMove()),
            Units.bytes(s.lowerBoundBytes()),
            s.lowerBoundBytes() > 0
                ? String.format(
                    Locale.ROOT, ", %.2fx", (double) s.bytesToMove() / s.lowerBoundBytes())
                : ""));
    sb.append(
        String.format(
            Locale.ROOT,
            "Band +-%.0f%%; objective %s -> %s (hard-goal violations %s -> %s)%s%n%n",
            s.band() * 100,
            Units.fixed2(s.before().soft()),
            Units.fixed2(s.after().soft()),
            Units.fixed2(s.before().hard()),
            Units.fixed2(s.after().hard()),
            s.converged() ? "" : "; search stopped at maxPasses"));
    actions(sb, plan, maxActions);
    goals(sb, s);
    sb.append("\nHard goals\n");
    for (HardGoalReport h : s.hardGoals()) {
      sb.append(
          String.format(
              Locale.ROOT, "  %-19s %-8s %s%n", h.name(), h.met() ? "met" : "NOT MET", h.detail()));
    }
    brokers(sb, s);
    return sb.toString();
  }

  private static void actions(StringBuilder sb, Plan plan, int maxActions) {
    if (plan.isEmpty()) {
      boolean stuck = plan.summary().hardGoals().stream().anyMatch(h -> !h.met());
      sb.append(
          stuck
              ? "No action possible: the hard goals below say what cannot be repaired and why.\n"
              : "Nothing to do: no action improves the balance.\n");
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%5s  %-10s  %-24s  %-22s  %-7s  %10s  %-13s  %s%n",
            "#",
            "action",
            "partition",
            "replicas",
            "leader",
            "bytes",
            "reason",
            "detail"));
    int shown = 0;
    for (Action a : plan.actions()) {
      if (shown++ == maxActions) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  ... %d more actions (all of them are in -o / --json)%n",
                plan.actions().size() - maxActions));
        break;
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%5d  %-10s  %-24s  %-22s  %-7s  %10s  %-13s  %s%n",
              a.sequence(),
              a.kind().name().toLowerCase(Locale.ROOT),
              a.name(),
              a.oldReplicas() + "->" + a.newReplicas(),
              a.oldLeader() + "->" + a.newLeader(),
              Units.bytes(a.bytesToMove()),
              a.reason().label(),
              a.detail()));
    }
  }

  private static void goals(StringBuilder sb, PlanSummary s) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%nGoals%n  %-13s %6s  %-34s  %7s %7s  %9s %9s  %s%n",
            "goal",
            "weight",
            "band (mean)",
            "score",
            "after",
            "max/mean",
            "after",
            "met"));
    for (GoalReport g : s.goals()) {
      String band =
          g.goal() == Goal.TOPIC_SPREAD
              ? "per topic"
              : Units.of(g.goal(), g.lower())
                  + " .. "
                  + Units.of(g.goal(), g.upper())
                  + " ("
                  + Units.of(g.goal(), g.mean())
                  + ")";
      String met =
          g.weight() == 0
              ? "off (weight 0)"
              : g.idle() ? "idle" : g.met() ? "yes" : "NO: " + g.explanation();
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-13s %6.2f  %-34s  %7.2f %7.2f  %9.2f %9.2f  %s%n",
              g.goal().label(),
              g.weight(),
              band,
              g.scoreBefore(),
              g.scoreAfter(),
              g.maxOverMeanBefore(),
              g.maxOverMeanAfter(),
              met));
    }
  }

  private static void brokers(StringBuilder sb, PlanSummary s) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%nBrokers (before -> after)%n  %4s  %-22s  %-22s  %-24s  %-22s  %-11s  %s%n",
            "id",
            "network-in",
            "network-out",
            "messages",
            "disk",
            "replicas",
            "leaders"));
    for (BrokerLoad b : s.brokers()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %4d  %-22s  %-22s  %-24s  %-22s  %-11s  %s%n",
              b.brokerId(),
              pair(Goal.NETWORK_IN, b),
              pair(Goal.NETWORK_OUT, b),
              pair(Goal.MESSAGES, b),
              pair(Goal.DISK, b),
              pair(Goal.REPLICAS, b),
              pair(Goal.LEADERS, b)));
    }
  }

  private static String pair(Goal g, BrokerLoad b) {
    return Units.of(g, b.before().get(g)) + " -> " + Units.of(g, b.after().get(g));
  }
}
