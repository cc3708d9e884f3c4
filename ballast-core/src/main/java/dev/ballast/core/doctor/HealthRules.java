package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.join;
import static dev.ballast.core.doctor.Texts.sample;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rules on replica health: offline partitions, ISR below min.insync.replicas, dead brokers. */
final class HealthRules {

  private HealthRules() {}

  /** Returns an OfflinePartitions incident when some partition has no leader. */
  static List<Incident> offlinePartitions(ClusterModel model) {
    List<String> offline = new ArrayList<>();
    Map<Integer, Integer> onDead = new TreeMap<>();
    for (Partition p : model.partitions()) {
      if (p.leader() < 0) {
        offline.add(p.name() + " replicas " + p.replicas() + " isr " + p.isr());
        for (int r : p.replicas()) {
          if (model.brokers().get(model.indexOf(r)).state() == BrokerState.DEAD) {
            onDead.merge(r, 1, Integer::sum);
          }
        }
      }
    }
    if (offline.isEmpty()) {
      return List.of();
    }
    String cause =
        onDead.isEmpty()
            ? "no replica of these partitions is in sync and alive, so no leader can be elected"
            : "their replicas sit on dead broker(s) "
                + join(onDead.keySet())
                + " and no in-sync replica is left elsewhere";
    return List.of(
        new Incident(
            "offline-partitions",
            IncidentKind.OFFLINE_PARTITIONS,
            Severity.CRITICAL,
            "OfflinePartitionsCount = " + offline.size(),
            sample(offline, 10),
            cause,
            "Bring the broker(s) holding the last in-sync replica back; only if that is impossible,"
                + " enable unclean.leader.election.enable on the topic for a moment, accepting the"
                + " loss of the unreplicated messages. Moving replicas (step 2) cannot help an"
                + " offline partition: there is no leader to copy from."));
  }

  /** Returns an UnderMinIsr incident when some online partition's ISR is below its minimum. */
  static List<Incident> underMinIsr(DoctorInput input) {
    List<String> lines = new ArrayList<>();
    boolean unreachable = false;
    for (Partition p : input.model().partitions()) {
      int min = input.configOf(p.topic()).minInsyncReplicas();
      if (p.leader() >= 0 && p.isr().size() < min) {
        unreachable |= min > p.replicas().size();
        lines.add(
            p.name() + " isr " + p.isr() + " of replicas " + p.replicas() + ", min.insync " + min);
      }
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Incident(
            "under-min-isr",
            IncidentKind.UNDER_MIN_ISR,
            Severity.HIGH,
            "UnderMinIsrPartitionCount = " + lines.size(),
            sample(lines, 10),
            "fewer replicas are in sync than min.insync.replicas, so producers with acks=all get"
                + " NotEnoughReplicas errors",
            (unreachable
                    ? "Lower min.insync.replicas where it exceeds the replication factor (the"
                        + " min-isr-* incidents, step 4). "
                    : "")
                + "Restore the out-of-sync replicas: see the DeadBroker, SlowBroker and"
                + " CapacityInsufficient incidents for why they fell behind."));
  }

  /** Returns a DeadBroker incident for each dead broker that still holds replicas. */
  static List<Incident> deadBrokers(ClusterModel model) {
    List<Incident> out = new ArrayList<>();
    for (Broker b : model.brokers()) {
      if (b.state() != BrokerState.DEAD) {
        continue;
      }
      int replicas = 0;
      int leaders = 0;
      int sole = 0;
      for (Partition p : model.partitions()) {
        if (p.replicas().contains(b.id())) {
          replicas++;
          if (p.replicas().size() == 1) {
            sole++;
          }
        }
        if (p.leader() == b.id()) {
          leaders++;
        }
      }
      if (replicas == 0) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      evidence.add("broker " + b.id() + " holds " + replicas + " replica(s), leads " + leaders);
      if (sole > 0) {
        evidence.add(sole + " of them are the only replica of their partition (RF=1)");
      }
      out.add(
          new Incident(
              "dead-broker-" + b.id(),
              IncidentKind.DEAD_BROKER,
              sole > 0 ? Severity.CRITICAL : Severity.HIGH,
              "broker " + b.id() + " is dead (or fenced) and still holds replicas",
              evidence,
              "the cluster keeps a dead broker in the replica lists until they are reassigned, so"
                  + " those partitions run with one copy fewer",
              "Restart or replace broker "
                  + b.id()
                  + "; if it is gone for good, step 2 re-creates its replicas on live brokers (and balances the rest)."));
    }
    return out;
  }

  /**
   * Returns the partitions whose ISR is short of their replicas for a reason other than a dead
   * broker (a replica on a dead broker is expected to be out of sync).
   */
  static List<Partition> underReplicated(ClusterModel model) {
    List<Partition> out = new ArrayList<>();
    for (Partition p : model.partitions()) {
      if (p.leader() < 0) {
        continue;
      }
      for (int r : p.replicas()) {
        boolean dead = model.brokers().get(model.indexOf(r)).state() == BrokerState.DEAD;
        if (!dead && !p.isr().contains(r)) {
          out.add(p);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Returns an UnderReplicated incident: low when the URPs were seen once, medium when they persist
   * (and no capacity incident explains them).
   */
  static List<Incident> underReplication(List<Partition> urps, boolean persistent) {
    if (urps.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (Partition p : urps) {
      lines.add(p.name() + " isr " + p.isr() + " of replicas " + p.replicas());
    }
    if (persistent) {
      return List.of(
          new Incident(
              "under-replicated",
              IncidentKind.UNDER_REPLICATED,
              Severity.MEDIUM,
              "UnderReplicatedPartitions = " + urps.size() + ", persistent",
              sample(lines, 10),
              "followers stay behind their leaders while the cluster as a whole has room: the"
                  + " load sits on too few brokers",
              "Step 2 spreads the load (see the notes and the Imbalance incident); look again"
                  + " once it has run."));
    }
    return List.of(
        new Incident(
            "under-replicated",
            IncidentKind.UNDER_REPLICATED,
            Severity.LOW,
            "UnderReplicatedPartitions = " + urps.size() + " (seen once)",
            sample(lines, 10),
            "followers are behind their leader; right after a restart or during a reassignment"
                + " this is expected and passes",
            "Look again in a few minutes; if the same partitions stay under-replicated, run the"
                + " doctor with --persistent-urp: lasting under-replication means the brokers"
                + " cannot keep up (CapacityInsufficient)."));
  }
}
