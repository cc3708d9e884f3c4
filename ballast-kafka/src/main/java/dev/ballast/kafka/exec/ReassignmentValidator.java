package dev.ballast.kafka.exec;

import dev.ballast.kafka.ClusterDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a plan against the cluster before anything is executed; pure. */
public final class ReassignmentValidator {

  private ReassignmentValidator() {}

  /**
   * Returns one message per problem (unknown topic, partition or broker, a changed replication
   * factor); empty when the plan can run.
   */
  public static List<String> validate(List<Reassignment> plan, ClusterDescription cluster) {
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
      if (r.replicas().size() != current.replicas().size()) {
        errors.add(
            r.name()
                + ": the plan changes the replication factor from "
                + current.replicas().size()
                + " to "
                + r.replicas().size()
                + " (Ballast keeps it)");
      }
    }
    return errors;
  }
}
