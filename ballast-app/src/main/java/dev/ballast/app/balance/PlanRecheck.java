package dev.ballast.app.balance;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.plan.PlanCommand;
import dev.ballast.core.text.FileProblems;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.exec.PlanRevalidation;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.exec.ReassignmentJson;
import dev.ballast.kafka.exec.ReassignmentValidator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * The checks {@code execute} makes before it starts moving: the plan against the cluster (KIP-860's
 * replication-factor guard, KIP-1066's cordoned log dirs) and, for a plan made earlier, against the
 * placement it was made for (moves someone else made since are dropped).
 */
final class PlanRecheck {

  private PlanRecheck() {}

  /**
   * Returns the problems of {@code plan} on {@code cluster} now: unknown topics, partitions or
   * brokers, a changed replication factor (unless allowed), a new replica on a cordoned broker or a
   * cordoned log dir asked for in {@code requestedDirs}.
   */
  static List<String> problems(
      Admin admin,
      Duration timeout,
      ClusterDescriber describer,
      ClusterDescription cluster,
      List<Reassignment> plan,
      Map<TopicPartition, List<String>> requestedDirs,
      boolean allowReplicationFactorChange) {
    List<String> errors =
        new java.util.ArrayList<>(
            ReassignmentValidator.validate(
                plan, cluster, inFlightFactors(admin, timeout), allowReplicationFactorChange));
    if (errors.isEmpty()) {
      List<Integer> brokers =
          cluster.brokers().stream()
              .filter(b -> !b.fenced())
              .map(ClusterDescription.Broker::id)
              .toList();
      errors.addAll(
          ReassignmentValidator.cordoned(plan, cluster, describer.logDirs(brokers), requestedDirs));
    }
    return errors;
  }

  /** Returns the {@code log_dirs} the plan file asks for, by partition. */
  static Map<TopicPartition, List<String>> requestedDirs(Path file) {
    try {
      return ReassignmentJson.logDirs(Files.readString(file));
    } catch (java.io.IOException e) {
      throw new UserException("plan file " + file + " " + FileProblems.describe(e));
    }
  }

  private static Map<TopicPartition, Integer> inFlightFactors(Admin admin, Duration timeout) {
    Map<TopicPartition, Integer> factors = new HashMap<>();
    AdminCalls.get(
            admin.listPartitionReassignments().reassignments(), timeout, "list reassignments")
        .forEach((tp, o) -> factors.put(tp, o.replicas().size() - o.addingReplicas().size()));
    return factors;
  }

  /**
   * Returns the placement {@code plan} was made for: {@code explicit} when given, else the rollback
   * JSON {@code plan -o} wrote next to {@code planFile} when it exists, else (null file) the
   * placement {@code cluster} has now. Says on {@code out} which it uses.
   */
  static Map<TopicPartition, List<Integer>> plannedFrom(
      Path planFile,
      Path explicit,
      ClusterDescription cluster,
      List<Reassignment> plan,
      PrintWriter out) {
    Path rollback =
        explicit != null ? explicit : PlanCommand.siblingPath(planFile, ".rollback.json");
    Map<TopicPartition, List<Integer>> from = new HashMap<>();
    if (explicit != null || Files.isRegularFile(rollback)) {
      for (Reassignment r : ExecuteCommand.readPlan(rollback)) {
        from.put(r.topicPartition(), r.replicas());
      }
      out.printf("the plan was made for the placement in %s%n", rollback);
      return from;
    }
    for (Reassignment r : plan) {
      cluster.topics().getOrDefault(r.topic(), List.of()).stream()
          .filter(p -> p.partition() == r.partition())
          .findFirst()
          .ifPresent(p -> from.put(r.topicPartition(), p.replicas()));
    }
    return from;
  }

  /**
   * Returns what of {@code plan} still applies to the cluster now, printing each stale move it
   * drops; fails when nothing is left.
   */
  static PlanRevalidation.Outcome revalidate(
      Admin admin,
      Duration timeout,
      ClusterDescriber describer,
      List<Reassignment> plan,
      Map<TopicPartition, List<Integer>> from,
      PrintWriter out) {
    ClusterDescription now = describer.describe(true);
    Map<TopicPartition, List<Integer>> moving = new HashMap<>();
    AdminCalls.get(
            admin.listPartitionReassignments().reassignments(), timeout, "list reassignments")
        .forEach(
            (tp, o) -> {
              List<Integer> target = new java.util.ArrayList<>(o.replicas());
              target.removeAll(o.removingReplicas());
              moving.put(tp, target);
            });
    PlanRevalidation.Outcome outcome = PlanRevalidation.calculate(plan, from, now, moving);
    out.printf(
        "re-validated the plan against the cluster now: %d move(s) kept, %d stale dropped%n",
        outcome.kept().size(), outcome.dropped().size());
    outcome.dropped().forEach(d -> out.println("  " + d));
    out.flush();
    if (outcome.kept().isEmpty()) {
      throw new UserException("every move of the plan is stale; nothing was executed", 1);
    }
    return outcome;
  }
}
