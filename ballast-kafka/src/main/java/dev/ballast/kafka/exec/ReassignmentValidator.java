package dev.ballast.kafka.exec;

import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.LogDirs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** Checks a plan against the cluster before anything is executed; pure. */
public final class ReassignmentValidator {

  private ReassignmentValidator() {}

  /**
   * Returns one message per problem (unknown topic, partition or broker, a changed replication
   * factor); empty when the plan can run.
   */
  public static List<String> validate(List<Reassignment> plan, ClusterDescription cluster) {
    return validate(plan, cluster, Map.of());
  }

  /**
   * Returns the problems as above, where a partition being reassigned now has the replication
   * factor of its target in {@code inFlightFactors} (its replica list also holds the replicas being
   * added), so that a plan can be verified, resumed or cancelled mid-move.
   */
  public static List<String> validate(
      List<Reassignment> plan,
      ClusterDescription cluster,
      Map<TopicPartition, Integer> inFlightFactors) {
    return validate(plan, cluster, inFlightFactors, /* allowReplicationFactorChange= */ false);
  }

  /**
   * Returns the problems as above; a changed replication factor is one (KIP-860's guard) unless
   * {@code allowReplicationFactorChange}.
   */
  public static List<String> validate(
      List<Reassignment> plan,
      ClusterDescription cluster,
      Map<TopicPartition, Integer> inFlightFactors,
      boolean allowReplicationFactorChange) {
    List<String> errors = new ArrayList<>();
    Set<Integer> brokers =
        cluster.brokers().stream().map(ClusterDescription.Broker::id).collect(Collectors.toSet());
    String brokerList =
        brokers.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    for (Reassignment r : plan) {
      List<ClusterDescription.Partition> parts = cluster.topics().get(r.topic());
      if (parts == null) {
        errors.add(r.name() + ": topic " + r.topic() + " does not exist");
        continue;
      }
      ClusterDescription.Partition current =
          parts.stream().filter(p -> p.partition() == r.partition()).findFirst().orElse(null);
      if (current == null) {
        errors.add(
            r.name()
                + ": topic "
                + r.topic()
                + " has no partition "
                + r.partition()
                + " (it has "
                + parts.size()
                + ")");
        continue;
      }
      for (int b : r.replicas()) {
        if (!brokers.contains(b)) {
          errors.add(
              r.name() + ": broker " + b + " is not in the cluster (brokers: " + brokerList + ")");
        }
      }
      int factor = inFlightFactors.getOrDefault(r.topicPartition(), current.replicas().size());
      if (r.replicas().size() != factor && !allowReplicationFactorChange) {
        errors.add(
            r.name()
                + ": the plan changes the replication factor from "
                + factor
                + " to "
                + r.replicas().size()
                + " (Ballast keeps it, KIP-860; --allow-replication-factor-change applies it)");
      }
    }
    return errors;
  }

  /**
   * Returns one message per reassignment that puts a new replica on a broker whose every log dir is
   * cordoned, or asks in {@code requestedDirs} (its JSON's {@code log_dirs}, "any" for no choice)
   * for a cordoned dir (KIP-1066); {@code logDirs} holds what each broker reported.
   */
  public static List<String> cordoned(
      List<Reassignment> plan,
      ClusterDescription cluster,
      Map<Integer, LogDirs> logDirs,
      Map<TopicPartition, List<String>> requestedDirs) {
    List<String> errors = new ArrayList<>();
    for (Reassignment r : plan) {
      List<Integer> now =
          cluster.topics().getOrDefault(r.topic(), List.of()).stream()
              .filter(p -> p.partition() == r.partition())
              .findFirst()
              .map(ClusterDescription.Partition::replicas)
              .orElse(List.of());
      List<String> dirs = requestedDirs.getOrDefault(r.topicPartition(), List.of());
      for (int i = 0; i < r.replicas().size(); i++) {
        int b = r.replicas().get(i);
        LogDirs d = logDirs.get(b);
        if (d == null) {
          continue;
        }
        String dir = i < dirs.size() ? dirs.get(i) : "any";
        if (!dir.equals("any") && d.cordoned().contains(dir)) {
          errors.add(r.name() + ": log dir " + dir + " of broker " + b + " is cordoned (KIP-1066)");
        } else if (!now.contains(b) && d.allCordoned()) {
          errors.add(
              r.name()
                  + ": broker "
                  + b
                  + " has every log dir cordoned (KIP-1066) and takes no new replica");
        }
      }
    }
    return errors;
  }
}
