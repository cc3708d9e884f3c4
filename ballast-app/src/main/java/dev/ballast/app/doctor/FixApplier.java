package dev.ballast.app.doctor;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.doctor.ConfigChange;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.PartitionRef;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.exec.ExecutionAgent;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.exec.TopicJournal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ElectionNotNeededException;

/**
 * Applies the Kafka part of a fix (steps 2 to 5) to a live cluster: reassignments through the
 * {@link PlanExecutor} (batches, throttle always removed, preferred election of moved partitions),
 * a preferred leader election for the other skewed partitions, and topic config changes. The cloud
 * part (step 1) is never run.
 */
public final class FixApplier {

  private final Admin admin;
  private final ExecutorSettings settings;
  private final LongSupplier nanoClock;
  private final Duration deadline;
  private final PrintWriter out;
  private final ExecutionJournal journal;

  /**
   * Creates an applier that reports progress on {@code out} and gives each run {@code deadline},
   * journaling in memory only (for a cluster that dies with this process).
   */
  public FixApplier(
      Admin admin,
      ExecutorSettings settings,
      LongSupplier nanoClock,
      Duration deadline,
      PrintWriter out) {
    this(admin, settings, nanoClock, deadline, out, ExecutionJournal.inMemory());
  }

  /** Creates an applier as above that journals every move and throttle to {@code journal}. */
  public FixApplier(
      Admin admin,
      ExecutorSettings settings,
      LongSupplier nanoClock,
      Duration deadline,
      PrintWriter out,
      ExecutionJournal journal) {
    this.journal = requireNonNull(journal, "journal");
    this.admin = requireNonNull(admin, "admin");
    this.settings = requireNonNull(settings, "settings");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.deadline = requireNonNull(deadline, "deadline");
    this.out = requireNonNull(out, "out");
  }

  /**
   * Applies {@code fix} to a cluster with brokers {@code brokerIds}; returns whether every step
   * finished.
   *
   * @throws IllegalStateException when step 1 (more brokers) has not been done yet
   */
  public boolean apply(Fix fix, Collection<Integer> brokerIds) {
    requireStepOneDone(fix, brokerIds);
    boolean ok = true;
    if (!fix.rebalance().isEmpty()) {
      ok &= reassign("step 2, rebalance", toExecutor(fix.rebalance()));
    }
    if (ok && !fix.preferredElection().isEmpty()) {
      elect(fix.preferredElection());
    }
    if (ok && !fix.configChanges().isEmpty()) {
      alterConfigs(fix.configChanges());
    }
    if (ok && !fix.replicationIncrease().isEmpty()) {
      ok &= reassign("step 5, add replicas", toExecutor(fix.replicationIncrease()));
    }
    return ok;
  }

  /**
   * Fails when {@code fix} grows the cluster and the new brokers are not among {@code brokerIds}:
   * the rebalance would move replicas onto brokers that do not exist.
   */
  static void requireStepOneDone(Fix fix, Collection<Integer> brokerIds) {
    if (fix.scaleOut() != null && !brokerIds.containsAll(fix.scaleOut().newBrokerIds())) {
      throw new IllegalStateException(
          "step 1 comes first: the rebalance moves replicas onto brokers "
              + fix.scaleOut().newBrokerIds()
              + ", which are not in the cluster yet (brokers: "
              + brokerIds
              + "); add the brokers (--format aws-cli, terraform, pulumi or strimzi), then run"
              + " the doctor again");
    }
  }

  private boolean reassign(String what, List<Reassignment> plan) {
    out.printf("%s: %d partition(s)%n", what, plan.size());
    out.flush();
    PlanExecutor executor = new PlanExecutor(admin, settings, journal, TopicJournal.owner());
    Thread hook = new Thread(executor::abort, "ballast-doctor-abort");
    Runtime.getRuntime().addShutdownHook(hook);
    String[] last = {""};
    try {
      executor.start(plan);
      ExecutionProgress end =
          new ExecutionAgent(
                  executor,
                  nanoClock,
                  deadline,
                  p -> {
                    String bar = p.bar();
                    if (!bar.equals(last[0])) {
                      last[0] = bar;
                      out.println("  " + bar);
                      out.flush();
                    }
                  })
              .runToEnd(Duration.ofMillis(200));
      end.notes().forEach(n -> out.println("  note: " + n));
      out.printf("  %s%n", end.bar());
      out.flush();
      return end.phase() == ExecutionPhase.DONE && end.failed() == 0;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting; the hook runs
      }
    }
  }

  private void elect(List<PartitionRef> parts) {
    Set<TopicPartition> tps = new HashSet<>();
    parts.forEach(p -> tps.add(new TopicPartition(p.topic(), p.partition())));
    Map<TopicPartition, Optional<Throwable>> results =
        AdminCalls.get(
            admin.electLeaders(ElectionType.PREFERRED, tps).partitions(),
            settings.callTimeout(),
            "elect preferred leaders");
    int elected = 0;
    for (var e : new TreeMap<>(toNames(results)).entrySet()) {
      if (e.getValue().isEmpty() || e.getValue().get() instanceof ElectionNotNeededException) {
        elected++;
      } else {
        out.printf(
            "  %s: preferred leader election failed: %s%n",
            e.getKey(), e.getValue().get().getMessage());
      }
    }
    out.printf(
        "step 3, preferred leader election: %d of %d partition(s) led by their preferred leader%n",
        elected, parts.size());
    out.flush();
  }

  private void alterConfigs(List<ConfigChange> changes) {
    Map<ConfigResource, Collection<AlterConfigOp>> ops = new java.util.LinkedHashMap<>();
    for (ConfigChange c : changes) {
      ops.computeIfAbsent(
              new ConfigResource(ConfigResource.Type.TOPIC, c.topic()), r -> new ArrayList<>())
          .add(new AlterConfigOp(new ConfigEntry(c.key(), c.newValue()), AlterConfigOp.OpType.SET));
    }
    AdminCalls.get(
        admin.incrementalAlterConfigs(ops).all(), settings.callTimeout(), "change topic configs");
    for (ConfigChange c : changes) {
      out.printf(
          "step 4, topic config: %s %s %s -> %s%n",
          c.topic(), c.key(), c.currentValue(), c.newValue());
    }
    out.flush();
  }

  private static Map<String, Optional<Throwable>> toNames(
      Map<TopicPartition, Optional<Throwable>> m) {
    Map<String, Optional<Throwable>> out = new TreeMap<>();
    m.forEach((tp, e) -> out.put(tp.toString(), e));
    return out;
  }

  private static List<Reassignment> toExecutor(List<dev.ballast.core.doctor.Reassignment> list) {
    List<Reassignment> out = new ArrayList<>();
    for (dev.ballast.core.doctor.Reassignment r : list) {
      out.add(new Reassignment(r.topic(), r.partition(), r.newReplicas(), r.bytesToMove()));
    }
    return out;
  }
}
