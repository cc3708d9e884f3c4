package dev.ballast.kafka.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides, without I/O, what of a plan or of a journal is in flight, still to do, done, or someone
 * else's, from the reassignments in flight (their targets) and the replicas now. The executor
 * applies the outcome: {@link PlanExecutor#start} for a plan, {@link PlanExecutor#resume} for what
 * an earlier run journaled.
 */
final class Reconciliation {

  private Reconciliation() {}

  /**
   * What the executor takes on.
   *
   * @param inFlight moves in flight that are Ballast's, to track to the end
   * @param pending moves still to submit
   * @param done moves at their target (they get a preferred leader election)
   * @param skipped moves left alone or already at their target before anything ran
   * @param notes what a user should know
   * @param toRecord moves to add to the journal (adopted and not journaled yet)
   * @param toForget moves to remove from the journal (they ended)
   */
  record Outcome(
      Map<TopicPartition, Reassignment> inFlight,
      Map<TopicPartition, Reassignment> pending,
      Map<TopicPartition, Reassignment> done,
      int skipped,
      List<String> notes,
      List<JournaledMove> toRecord,
      List<TopicPartition> toForget) {}

  /**
   * Reconciles {@code plan}: a reassignment in flight to the plan's target, or to the target a
   * journaled step of Ballast's gave it, is adopted; one to another target is someone else's and
   * left alone; a partition at its target is skipped; the rest is pending.
   */
  static Outcome calculateForPlan(
      List<Reassignment> plan,
      Map<TopicPartition, List<Integer>> ongoing,
      Map<String, Map<Integer, List<Integer>>> current,
      Map<TopicPartition, JournaledMove> journaled,
      String owner) {
    Outcome out = empty();
    int skipped = 0;
    for (Reassignment r : plan) {
      TopicPartition tp = r.topicPartition();
      List<Integer> target = ongoing.get(tp);
      List<Integer> now = ClusterReads.replicasOf(r, current);
      JournaledMove ours = journaled.get(tp);
      if (target != null) {
        if (target.equals(r.replicas()) || (ours != null && ours.target().equals(target))) {
          out.inFlight().put(tp, r);
          if (ours == null) {
            out.toRecord().add(new JournaledMove(r.topic(), r.partition(), now, target, owner));
          }
          out.notes()
              .add(
                  r.name()
                      + ": already being moved to "
                      + target
                      + " (an earlier run); tracking it");
        } else {
          skipped++;
          out.notes()
              .add(r.name() + ": someone else is reassigning it to " + target + "; left alone");
        }
      } else if (now.equals(r.replicas())) {
        skipped++;
      } else {
        out.pending().put(tp, r);
      }
    }
    ongoing.keySet().stream()
        .filter(tp -> plan.stream().noneMatch(r -> r.topicPartition().equals(tp)))
        .forEach(
            tp ->
                out.notes().add(tp + ": a reassignment not in this plan is in flight; left alone"));
    return withSkipped(out, skipped);
  }

  /**
   * Reconciles what an earlier run journaled: a move still in flight to its journaled target is
   * Ballast's own and adopted; one that reached its target meanwhile is done; any other is reported
   * and left alone. Every move not adopted is forgotten.
   */
  static Outcome calculateForJournal(
      Collection<JournaledMove> journaled,
      Map<TopicPartition, List<Integer>> ongoing,
      Map<String, Map<Integer, List<Integer>>> current) {
    Outcome out = empty();
    int skipped = 0;
    for (JournaledMove m : journaled) {
      Reassignment r = m.toReassignment();
      TopicPartition tp = m.topicPartition();
      List<Integer> target = ongoing.get(tp);
      List<Integer> now = ClusterReads.replicasOf(r, current);
      if (m.target().equals(target)) {
        out.inFlight().put(tp, r);
        out.notes()
            .add(
                r.name()
                    + ": Ballast's own move to "
                    + m.target()
                    + " (started by "
                    + m.owner()
                    + "), adopted");
        continue;
      }
      out.toForget().add(tp);
      if (target == null && now.equals(m.target())) {
        out.done().put(tp, r);
        out.notes().add(r.name() + ": Ballast's move to " + m.target() + " finished meanwhile");
      } else {
        skipped++;
        out.notes()
            .add(
                r.name()
                    + ": not at Ballast's target "
                    + m.target()
                    + (target != null ? " (someone else reassigns it)" : " (now " + now + ")")
                    + "; reverted or changed by someone else, left alone");
      }
    }
    return withSkipped(out, skipped);
  }

  private static Outcome empty() {
    return new Outcome(
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        0,
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>());
  }

  private static Outcome withSkipped(Outcome o, int skipped) {
    return new Outcome(
        o.inFlight(), o.pending(), o.done(), skipped, o.notes(), o.toRecord(), o.toForget());
  }
}
