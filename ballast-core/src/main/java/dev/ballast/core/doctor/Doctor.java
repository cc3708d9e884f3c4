package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.fixed2;
import static java.util.Objects.requireNonNull;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.Capacity;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.plan.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Diagnoses a cluster: runs every rule on a {@link DoctorInput} and assembles one {@link Fix}
 * (grow, rebalance, elect preferred leaders, change configs, add replicas). Pure and deterministic.
 *
 * <pre>{@code
 * Diagnosis d = new Doctor(DoctorSettings.defaults(), PlannerOptions.defaults()).diagnose(input);
 * }</pre>
 */
public final class Doctor {

  private static final Comparator<Incident> ORDER =
      Comparator.comparing(Incident::severity).thenComparing(Incident::id);

  private final DoctorSettings settings;
  private final PlannerOptions plannerOptions;

  /** Creates a doctor judging by {@code settings} and planning with {@code plannerOptions}. */
  public Doctor(DoctorSettings settings, PlannerOptions plannerOptions) {
    this.settings = requireNonNull(settings, "settings");
    this.plannerOptions = requireNonNull(plannerOptions, "plannerOptions");
  }

  /** Returns the incidents found in {@code input} and the fix for them. */
  public Diagnosis diagnose(DoctorInput input) {
    requireNonNull(input, "input");
    ClusterModel model = input.model();
    List<Incident> incidents = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    SlowBrokerRule.Finding slow = SlowBrokerRule.evaluate(input, settings);
    Map<Integer, BrokerState> slowStates = new TreeMap<>();
    slow.newlySlow().forEach(id -> slowStates.put(id, BrokerState.SLOW));
    ClusterModel marked = slowStates.isEmpty() ? model : model.withBrokerStates(slowStates);

    incidents.addAll(HealthRules.offlinePartitions(model));
    incidents.addAll(HealthRules.underMinIsr(input));
    incidents.addAll(HealthRules.deadBrokers(model));
    List<Partition> urps = HealthRules.underReplicated(model);
    CapacityRule.Finding capacity =
        CapacityRule.evaluate(marked, settings, input.persistentUnderReplication(), urps);
    notes.addAll(capacity.notes());
    if (capacity.incident() != null) {
      incidents.add(capacity.incident());
    }
    if (capacity.incident() == null) {
      incidents.addAll(HealthRules.underReplication(urps, input.persistentUnderReplication()));
    }
    incidents.addAll(slow.incidents());

    ClusterModel current = withCapacity(marked);
    Plan balance = plan(current);
    incidents.addAll(BalanceRules.imbalance(balance));
    ClusterModel planned = current;
    Plan rebalance = balance;
    if (capacity.scaleOut() != null) {
      planned = grow(current, capacity.scaleOut());
      rebalance = plan(planned);
    }
    ClusterModel after = rebalance.applyTo(planned);

    BalanceRules.SkewFinding skew = BalanceRules.leaderSkew(model, settings);
    incidents.addAll(skew.incidents());
    TopicConfigRules.Finding configs = TopicConfigRules.evaluate(input, after);
    incidents.addAll(configs.incidents());

    incidents.sort(ORDER);
    Fix fix =
        new Fix(
            capacity.scaleOut(),
            reassignments(rebalance),
            rebalance.isEmpty() ? "" : summary(rebalance),
            election(skew.partitions(), rebalance),
            configs.changes(),
            configs.replicationIncrease());
    return new Diagnosis(model.brokers().size(), model.partitions().size(), incidents, fix, notes);
  }

  private Plan plan(ClusterModel model) {
    return new Planner(plannerOptions).plan(model);
  }

  /** Returns {@code model} where brokers without a capacity get the configured one, if any. */
  private ClusterModel withCapacity(ClusterModel model) {
    double cap = settings.brokerCapacityBytesPerSec();
    if (cap <= 0) {
      return model;
    }
    List<Broker> brokers = new ArrayList<>();
    for (Broker b : model.brokers()) {
      brokers.add(
          b.capacity() != null
              ? b
              : new Broker(b.id(), b.rack(), b.state(), new Capacity(cap, cap)));
    }
    return ClusterModel.of(brokers, model.partitions());
  }

  /**
   * Returns {@code model} with the brokers of {@code scaleOut} added as new, spread over the racks
   * that have the fewest brokers, with the capacity of the existing brokers.
   */
  static ClusterModel grow(ClusterModel model, ScaleOut scaleOut) {
    TreeMap<String, Integer> perRack = new TreeMap<>();
    Capacity capacity = null;
    for (Broker b : model.brokers()) {
      if (b.rack() != null) {
        perRack.merge(b.rack(), 1, Integer::sum);
      }
      if (capacity == null) {
        capacity = b.capacity();
      }
    }
    List<Broker> brokers = new ArrayList<>(model.brokers());
    for (int id : scaleOut.newBrokerIds()) {
      String rack = null;
      if (!perRack.isEmpty()) {
        rack = perRack.firstKey();
        for (var e : perRack.entrySet()) {
          if (e.getValue() < perRack.get(rack)) {
            rack = e.getKey();
          }
        }
        perRack.merge(rack, 1, Integer::sum);
      }
      brokers.add(new Broker(id, rack, BrokerState.NEW, capacity));
    }
    return ClusterModel.of(brokers, model.partitions());
  }

  private static List<Reassignment> reassignments(Plan plan) {
    List<Reassignment> out = new ArrayList<>();
    for (Action a : plan.actions()) {
      if (a.newReplicas().equals(a.oldReplicas())) {
        continue; // only the leader changes, and the preferred leader election does that
      }
      out.add(
          new Reassignment(
              a.topic(), a.partition(), a.oldReplicas(), a.newReplicas(), a.bytesToMove()));
    }
    return out;
  }

  private static String summary(Plan plan) {
    var s = plan.summary();
    TreeMap<String, Integer> repairs = new TreeMap<>();
    for (Action a : plan.actions()) {
      if (a.reason().hard()) {
        repairs.merge(a.reason().label(), 1, Integer::sum);
      }
    }
    StringBuilder sb =
        new StringBuilder()
            .append(s.replicaMoves())
            .append(" replica move(s), ")
            .append(s.leadershipTransfers())
            .append(" leadership transfer(s), ")
            .append(s.partitionsChanged())
            .append(" partition(s) changed, ")
            .append(Units.bytes(s.bytesToMove()))
            .append(" to copy; ");
    if (!repairs.isEmpty()) {
      List<String> parts = new ArrayList<>();
      repairs.forEach((label, n) -> parts.add(label + " " + n));
      sb.append("hard-goal repairs first (").append(String.join(", ", parts)).append("), then ");
    }
    return sb.append("busiest broker over the mean ")
        .append(fixed2(s.worstMaxOverMeanBefore()))
        .append(" -> ")
        .append(fixed2(s.worstMaxOverMeanAfter()))
        .toString();
  }

  /**
   * Returns the partitions to elect after the rebalance: the skewed ones, and every partition the
   * plan gives a new leader (a reassignment keeps the current leader while it stays a replica).
   */
  private static List<PartitionRef> election(List<PartitionRef> skewed, Plan plan) {
    TreeSet<PartitionRef> all =
        new TreeSet<>(
            Comparator.comparing(PartitionRef::topic).thenComparingInt(PartitionRef::partition));
    all.addAll(skewed);
    for (Action a : plan.actions()) {
      if (a.newLeader() != a.oldLeader()) {
        all.add(new PartitionRef(a.topic(), a.partition()));
      }
    }
    return List.copyOf(all);
  }
}
