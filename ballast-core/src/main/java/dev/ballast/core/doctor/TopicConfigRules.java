package dev.ballast.core.doctor;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * RiskyTopicConfig: RF=1 where the cluster replicates, min.insync.replicas at or above the
 * replication factor, unclean leader election enabled.
 */
final class TopicConfigRules {

  /**
   * What the rules found.
   *
   * @param incidents one per risky setting
   * @param changes the topic configs to change
   * @param replicationIncrease reassignments adding replicas to RF=1 partitions
   */
  record Finding(
      List<Incident> incidents,
      List<ConfigChange> changes,
      List<Reassignment> replicationIncrease) {}

  private TopicConfigRules() {}

  /**
   * Evaluates the rules on {@code input}'s topics; RF increases are planned on {@code after}, the
   * placement once the rebalance has run.
   */
  static Finding evaluate(DoctorInput input, ClusterModel after) {
    Map<String, Integer> rf = new TreeMap<>();
    Map<String, Integer> count = new TreeMap<>();
    for (Partition p : input.model().partitions()) {
      rf.merge(p.topic(), p.replicas().size(), Math::max);
      count.merge(p.topic(), 1, Integer::sum);
    }
    int targetRf = commonReplicatedRf(rf);
    int receiving = 0;
    for (Broker b : after.brokers()) {
      receiving += b.state().canReceive() ? 1 : 0;
    }
    targetRf = Math.min(targetRf, receiving);
    List<Incident> incidents = new ArrayList<>();
    List<ConfigChange> changes = new ArrayList<>();
    List<Reassignment> increase = new ArrayList<>();
    for (var e : rf.entrySet()) {
      String topic = e.getKey();
      int r = e.getValue();
      TopicConfig cfg = input.configOf(topic);
      if (r == 1 && targetRf > 1) {
        List<Reassignment> adds = addReplicas(after, topic, targetRf);
        increase.addAll(adds);
        incidents.add(
            new Incident(
                "rf1-" + topic,
                IncidentKind.RISKY_TOPIC_CONFIG,
                Severity.MEDIUM,
                "topic " + topic + " has replication factor 1 while the cluster replicates",
                List.of(
                    topic + ": " + count.get(topic) + " partition(s), RF=1",
                    "most replicated topics use RF=" + commonReplicatedRf(rf)),
                "each partition of "
                    + topic
                    + " lives on one broker: losing that broker's disk loses the data, and"
                    + " restarting it makes the partition unavailable",
                "Step 5: add replicas to reach RF="
                    + targetRf
                    + " ("
                    + adds.size()
                    + " reassignment(s)); if the topic is deliberately disposable, ignore this."));
      }
      if (cfg.minInsyncReplicas() > r) {
        String to = Integer.toString(Math.max(1, r - 1));
        changes.add(
            new ConfigChange(
                topic, "min.insync.replicas", Integer.toString(cfg.minInsyncReplicas()), to));
        incidents.add(
            new Incident(
                "min-isr-" + topic,
                IncidentKind.RISKY_TOPIC_CONFIG,
                Severity.HIGH,
                "topic "
                    + topic
                    + " has min.insync.replicas="
                    + cfg.minInsyncReplicas()
                    + " above its replication factor "
                    + r,
                List.of(topic + ": RF=" + r + ", min.insync.replicas=" + cfg.minInsyncReplicas()),
                "an ISR can never reach min.insync.replicas, so every acks=all write fails with"
                    + " NotEnoughReplicas",
                "Step 4: set min.insync.replicas=" + to + " (or raise the replication factor)."));
      } else if (r > 1 && cfg.minInsyncReplicas() == r) {
        String to = Integer.toString(r - 1);
        changes.add(
            new ConfigChange(
                topic, "min.insync.replicas", Integer.toString(cfg.minInsyncReplicas()), to));
        incidents.add(
            new Incident(
                "min-isr-" + topic,
                IncidentKind.RISKY_TOPIC_CONFIG,
                Severity.MEDIUM,
                "topic " + topic + " has min.insync.replicas equal to its replication factor " + r,
                List.of(topic + ": RF=" + r + ", min.insync.replicas=" + cfg.minInsyncReplicas()),
                "a single broker restart or lagging follower drops the ISR below the minimum and"
                    + " blocks acks=all writes",
                "Step 4: set min.insync.replicas=" + to + " so one replica may be away."));
      }
      if (cfg.uncleanLeaderElection()) {
        changes.add(new ConfigChange(topic, "unclean.leader.election.enable", "true", "false"));
        incidents.add(
            new Incident(
                "unclean-election-" + topic,
                IncidentKind.RISKY_TOPIC_CONFIG,
                Severity.MEDIUM,
                "topic " + topic + " allows unclean leader election",
                List.of(topic + ": unclean.leader.election.enable=true"),
                "an out-of-sync replica may become leader and silently discard messages that"
                    + " acks=all producers were told were written",
                "Step 4: set unclean.leader.election.enable=false."));
      }
    }
    return new Finding(incidents, changes, increase);
  }

  /** Returns the most common RF above 1 (the larger on a tie), or 1 when nothing replicates. */
  private static int commonReplicatedRf(Map<String, Integer> rf) {
    Map<Integer, Integer> freq = new TreeMap<>(Comparator.reverseOrder());
    rf.values().stream().filter(r -> r > 1).forEach(r -> freq.merge(r, 1, Integer::sum));
    int best = 1;
    int bestCount = 0;
    for (var e : freq.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  /**
   * Returns reassignments that give each RF=1 partition of {@code topic} in {@code model} {@code
   * targetRf} replicas: the leader stays first, the added replicas go to receiving brokers on racks
   * the partition does not use yet, then with the fewest replicas, then the lowest id.
   */
  static List<Reassignment> addReplicas(ClusterModel model, String topic, int targetRf) {
    Map<Integer, Integer> held = new LinkedHashMap<>();
    for (Broker b : model.brokers()) {
      held.put(b.id(), 0);
    }
    for (Partition p : model.partitions()) {
      for (int r : p.replicas()) {
        held.merge(r, 1, Integer::sum);
      }
    }
    List<Reassignment> out = new ArrayList<>();
    for (Partition p : model.partitions()) {
      if (!p.topic().equals(topic) || p.replicas().size() >= targetRf) {
        continue;
      }
      List<Integer> replicas = new ArrayList<>(p.replicas());
      Set<String> racks = new HashSet<>();
      for (int r : replicas) {
        racks.add(String.valueOf(model.brokers().get(model.indexOf(r)).rack()));
      }
      while (replicas.size() < targetRf) {
        Broker best = null;
        for (Broker b : model.brokers()) {
          if (!b.state().canReceive() || replicas.contains(b.id())) {
            continue;
          }
          if (best == null || better(b, best, racks, held)) {
            best = b;
          }
        }
        if (best == null) {
          break;
        }
        replicas.add(best.id());
        racks.add(String.valueOf(best.rack()));
        held.merge(best.id(), 1, Integer::sum);
      }
      if (replicas.size() > p.replicas().size()) {
        long bytes = p.load().sizeBytes() * (replicas.size() - p.replicas().size());
        out.add(new Reassignment(p.topic(), p.partition(), p.replicas(), replicas, bytes));
      }
    }
    return out;
  }

  private static boolean better(Broker a, Broker b, Set<String> racks, Map<Integer, Integer> held) {
    boolean aNewRack = !racks.contains(String.valueOf(a.rack()));
    boolean bNewRack = !racks.contains(String.valueOf(b.rack()));
    if (aNewRack != bNewRack) {
      return aNewRack;
    }
    int ha = held.get(a.id());
    int hb = held.get(b.id());
    return ha != hb ? ha < hb : a.id() < b.id();
  }
}
