package dev.ballast.core.plan;

import java.util.List;

/**
 * One step of a plan: the new assignment of one partition, why, and what it does to the brokers
 * involved. Each partition appears in at most one action of a plan.
 *
 * @param sequence the position in the plan, from 1
 * @param kind leadership transfer, replica move, or swap
 * @param topic the topic
 * @param partition the partition number
 * @param oldReplicas the replicas before, preferred leader first
 * @param newReplicas the replicas after, preferred (and intended) leader first
 * @param oldLeader the leader before (-1 when offline)
 * @param newLeader the leader after the move and a preferred leader election
 * @param bytesToMove bytes copied: the partition size times the replicas added
 * @param reason the goal the action serves
 * @param detail one sentence saying what the action does and why
 * @param brokers the load of each broker that loses or gains a replica or leadership, before and
 *     after this action (in plan order)
 */
public record Action(
    int sequence,
    ActionKind kind,
    String topic,
    int partition,
    List<Integer> oldReplicas,
    List<Integer> newReplicas,
    int oldLeader,
    int newLeader,
    long bytesToMove,
    Reason reason,
    String detail,
    List<BrokerLoad> brokers) {

  /** Copies the lists. */
  public Action {
    oldReplicas = List.copyOf(oldReplicas);
    newReplicas = List.copyOf(newReplicas);
    brokers = List.copyOf(brokers);
  }

  /** Returns how many replicas this action adds on brokers that did not hold the partition. */
  public int replicasMoved() {
    int n = 0;
    for (Integer r : newReplicas) {
      if (!oldReplicas.contains(r)) {
        n++;
      }
    }
    return n;
  }

  /** Returns {@code topic-partition}. */
  public String name() {
    return topic + "-" + partition;
  }
}
