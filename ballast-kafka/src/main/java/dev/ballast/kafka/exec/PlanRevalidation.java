package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.ClusterDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Checks a plan made earlier against the cluster as it is when the plan is about to start (an
 * execute window opening): a move whose partition or target broker is gone, or whose partition
 * someone else moved since it was planned (a replica now on a broker that is neither in the plan's
 * "from" nor in its target), is stale and dropped with the reason; the rest run. Pure.
 */
public final class PlanRevalidation {

  private PlanRevalidation() {}

  /**
   * What is left to run.
   *
   * @param kept the reassignments still valid, in plan order
   * @param dropped one line per stale reassignment, naming it and why
   */
  public record Outcome(List<Reassignment> kept, List<String> dropped) {

    /** Copies the lists. */
    public Outcome {
      kept = List.copyOf(kept);
      dropped = List.copyOf(dropped);
    }
  }

  /**
   * Returns which reassignments of {@code plan} still apply to {@code now}. {@code plannedFrom}
   * holds each partition's replicas when the plan was made (a partition absent from it is not
   * checked for a change); one already at its target or being moved to it is kept (the executor
   * skips or adopts it).
   */
  public static Outcome calculate(
      List<Reassignment> plan,
      Map<TopicPartition, List<Integer>> plannedFrom,
      ClusterDescription now,
      Map<TopicPartition, List<Integer>> inFlightTargets) {
    requireNonNull(plan, "plan");
    requireNonNull(plannedFrom, "plannedFrom");
    requireNonNull(now, "now");
    requireNonNull(inFlightTargets, "inFlightTargets");
    Set<Integer> brokers =
        now.brokers().stream().map(ClusterDescription.Broker::id).collect(Collectors.toSet());
    List<Reassignment> kept = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Reassignment r : plan) {
      String stale =
          staleness(r, plannedFrom.get(r.topicPartition()), now, brokers, inFlightTargets);
      if (stale == null) {
        kept.add(r);
      } else {
        dropped.add(r.name() + ": dropped, " + stale);
      }
    }
    return new Outcome(kept, dropped);
  }

  private static String staleness(
      Reassignment r,
      List<Integer> from,
      ClusterDescription now,
      Set<Integer> brokers,
      Map<TopicPartition, List<Integer>> inFlightTargets) {
    List<ClusterDescription.Partition> parts = now.topics().get(r.topic());
    if (parts == null) {
      return "topic " + r.topic() + " no longer exists";
    }
    ClusterDescription.Partition current =
        parts.stream().filter(p -> p.partition() == r.partition()).findFirst().orElse(null);
    if (current == null) {
      return "topic " + r.topic() + " no longer has partition " + r.partition();
    }
    for (int b : r.replicas()) {
      if (!brokers.contains(b)) {
        return "its target broker " + b + " is no longer in the cluster";
      }
    }
    List<Integer> moving = inFlightTargets.get(r.topicPartition());
    if (current.replicas().equals(r.replicas()) || r.replicas().equals(moving)) {
      return null;
    }
    if (moving != null) {
      return "another reassignment (to " + moving + ") is in flight";
    }
    // A replica neither where the plan started nor where it goes, or another replication factor:
    // someone else moved it. (A step of this plan's own move, one replica at a time, stays within
    // both, so a plan resumed in the next window is not stale.)
    Set<Integer> known = new java.util.HashSet<>(r.replicas());
    if (from != null) {
      known.addAll(from);
    }
    if (from != null
        && (current.replicas().size() != r.replicas().size()
            || !known.containsAll(current.replicas()))) {
      return "its replicas are "
          + current.replicas()
          + " now and the plan was made when they were "
          + from
          + " (moved since by someone else)";
    }
    return null;
  }
}
