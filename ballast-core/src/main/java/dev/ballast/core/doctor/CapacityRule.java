package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.join;
import static dev.ballast.core.doctor.Texts.percent;
import static dev.ballast.core.doctor.Texts.rate;
import static dev.ballast.core.doctor.Texts.sample;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * CapacityInsufficient: under-replication that persists, brokers above the alarm fraction of their
 * network capacity, or more partitions per broker than the limit; and how many brokers fix it.
 */
final class CapacityRule {

  /**
   * What the rule found.
   *
   * @param incident the incident, or null
   * @param scaleOut how far to grow, or null
   * @param notes caveats for the diagnosis
   */
  record Finding(Incident incident, ScaleOut scaleOut, List<String> notes) {}

  private CapacityRule() {}

  /** Returns the number of zones: the setting, else the distinct racks, else 1. */
  static int zones(ClusterModel model, DoctorSettings settings) {
    if (settings.availabilityZones() > 0) {
      return settings.availabilityZones();
    }
    TreeSet<String> racks = new TreeSet<>();
    for (Broker b : model.brokers()) {
      if (b.rack() != null) {
        racks.add(b.rack());
      }
    }
    return Math.max(1, racks.size());
  }

  /** Returns the capacity in (index 0) and out (index 1) per broker, or NaN when unknown. */
  static double[] capacity(ClusterModel model, DoctorSettings settings) {
    if (settings.brokerCapacityBytesPerSec() > 0) {
      double c = settings.brokerCapacityBytesPerSec();
      return new double[] {c, c};
    }
    double in = Double.NaN;
    double out = Double.NaN;
    for (Broker b : model.brokers()) {
      if (b.capacity() != null) {
        if (Double.isFinite(b.capacity().bytesInPerSec())) {
          in =
              Double.isNaN(in)
                  ? b.capacity().bytesInPerSec()
                  : Math.min(in, b.capacity().bytesInPerSec());
        }
        if (Double.isFinite(b.capacity().bytesOutPerSec())) {
          out =
              Double.isNaN(out)
                  ? b.capacity().bytesOutPerSec()
                  : Math.min(out, b.capacity().bytesOutPerSec());
        }
      }
    }
    return new double[] {in, out};
  }

  /** Evaluates the rule on {@code model}; {@code urps} are the partitions short of replicas. */
  static Finding evaluate(
      ClusterModel model, DoctorSettings settings, boolean persistent, List<Partition> urps) {
    List<String> notes = new ArrayList<>();
    List<BrokerTraffic> traffic = BrokerTraffic.calculate(model);
    double[] cap = capacity(model, settings);
    double totalIn = 0;
    double totalOut = 0;
    double maxIn = 0;
    double maxOut = 0;
    long totalReplicas = 0;
    for (BrokerTraffic t : traffic) {
      totalIn += t.bytesInPerSec();
      totalOut += t.bytesOutPerSec();
      maxIn = Math.max(maxIn, t.bytesInPerSec());
      maxOut = Math.max(maxOut, t.bytesOutPerSec());
      totalReplicas += t.replicas();
    }
    boolean loadKnown = totalIn > 0 || totalOut > 0;
    boolean capKnown = !Double.isNaN(cap[0]) || !Double.isNaN(cap[1]);
    if (!loadKnown) {
      notes.add(
          "the model carries no load figures, so network load against capacity and traffic"
              + " balance were not assessed");
    } else if (!capKnown) {
      notes.add(
          "no broker capacity was given (--broker-capacity), so load was not checked against"
              + " capacity");
    }

    List<String> signals = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    List<String> causes = new ArrayList<>();
    boolean urp = persistent && !urps.isEmpty();
    if (urp) {
      signals.add("UnderReplicatedPartitions = " + urps.size() + ", persistent");
      List<String> lines = new ArrayList<>();
      for (Partition p : urps) {
        lines.add(p.name() + " isr " + p.isr() + " of replicas " + p.replicas());
      }
      evidence.addAll(sample(lines, 6));
      causes.add("followers cannot keep up with their leaders and stay out of the ISR");
    }
    List<Integer> hot = new ArrayList<>();
    for (int i = 0; i < traffic.size(); i++) {
      BrokerTraffic t = traffic.get(i);
      if (model.brokers().get(i).state() == BrokerState.DEAD) {
        continue;
      }
      boolean over = false;
      if (!Double.isNaN(cap[0]) && t.bytesInPerSec() > settings.alarmUtilisation() * cap[0]) {
        evidence.add(
            "broker "
                + t.brokerId()
                + " network-in "
                + rate(t.bytesInPerSec())
                + " = "
                + percent(t.bytesInPerSec() / cap[0])
                + " of "
                + rate(cap[0]));
        over = true;
      }
      if (!Double.isNaN(cap[1]) && t.bytesOutPerSec() > settings.alarmUtilisation() * cap[1]) {
        evidence.add(
            "broker "
                + t.brokerId()
                + " network-out "
                + rate(t.bytesOutPerSec())
                + " = "
                + percent(t.bytesOutPerSec() / cap[1])
                + " of "
                + rate(cap[1]));
        over = true;
      }
      if (over) {
        hot.add(t.brokerId());
      }
    }
    List<Integer> crowded = new ArrayList<>();
    for (BrokerTraffic t : traffic) {
      if (t.replicas() > settings.maxPartitionsPerBroker()) {
        crowded.add(t.brokerId());
        evidence.add(
            "broker "
                + t.brokerId()
                + " holds "
                + t.replicas()
                + " replicas (limit "
                + settings.maxPartitionsPerBroker()
                + ")");
      }
    }
    if (!hot.isEmpty()) {
      signals.add(
          "broker(s) "
              + join(hot)
              + " above "
              + percent(settings.alarmUtilisation())
              + " of network capacity");
    }
    if (!crowded.isEmpty()) {
      signals.add(
          "broker(s) "
              + join(crowded)
              + " above "
              + settings.maxPartitionsPerBroker()
              + " partitions");
    }
    if (signals.isEmpty()) {
      return new Finding(null, null, notes);
    }

    int current = model.brokers().size();
    int zones = zones(model, settings);
    List<String> basis = new ArrayList<>();
    int needed = 0;
    if (loadKnown && capKnown) {
      int byIn = Double.isNaN(cap[0]) ? 0 : ceil(totalIn / (cap[0] * settings.targetUtilisation()));
      int byOut =
          Double.isNaN(cap[1]) ? 0 : ceil(totalOut / (cap[1] * settings.targetUtilisation()));
      needed = Math.max(byIn, byOut);
      basis.add(
          rate(totalIn)
              + " in and "
              + rate(totalOut)
              + " out at "
              + percent(settings.targetUtilisation())
              + " of "
              + rate(Double.isNaN(cap[0]) ? cap[1] : cap[0])
              + " per broker need "
              + needed);
      causes.add(
          current
              + " broker(s) carry "
              + rate(totalIn)
              + " in and "
              + rate(totalOut)
              + " out; at "
              + percent(settings.targetUtilisation())
              + " utilisation that takes "
              + needed);
    } else if (urp && loadKnown) {
      int byIn = maxIn > 0 ? ceil(totalIn / (maxIn * settings.targetUtilisation())) : 0;
      int byOut = maxOut > 0 ? ceil(totalOut / (maxOut * settings.targetUtilisation())) : 0;
      needed = Math.max(byIn, byOut);
      basis.add(
          "capacity unknown: the busiest broker ("
              + rate(maxIn)
              + " in, "
              + rate(maxOut)
              + " out) is taken as saturated, and "
              + percent(settings.targetUtilisation())
              + " of that per broker needs "
              + needed);
    }
    int byPartitions =
        (int)
            ((totalReplicas + settings.maxPartitionsPerBroker() - 1)
                / settings.maxPartitionsPerBroker());
    if (!crowded.isEmpty() || byPartitions > needed) {
      basis.add(
          totalReplicas
              + " replicas at "
              + settings.maxPartitionsPerBroker()
              + " per broker need "
              + byPartitions);
      needed = Math.max(needed, byPartitions);
    }
    if (!crowded.isEmpty()) {
      causes.add("brokers hold more partitions than they handle well");
    }
    List<Integer> empty = new ArrayList<>();
    for (int i = 0; i < traffic.size(); i++) {
      if (traffic.get(i).replicas() == 0 && model.brokers().get(i).state().canReceive()) {
        empty.add(traffic.get(i).brokerId());
      }
    }
    if (urp && needed <= current && !empty.isEmpty()) {
      notes.add(
          "under-replication persists, but broker(s) "
              + join(empty)
              + " hold nothing yet: rebalance onto them (step 2) before adding more brokers");
      return new Finding(null, null, notes);
    }
    if (urp && needed <= current) {
      needed = current + 1;
      basis.add("under-replication persists, so at least one broker more");
    }
    int target = roundUp(needed, zones);
    if (target <= current) {
      notes.add(
          "broker(s) "
              + join(hot.isEmpty() ? crowded : hot)
              + " are overloaded but "
              + current
              + " brokers suffice for the total ("
              + String.join("; ", basis)
              + "): the rebalance, not more brokers, is the fix");
      return new Finding(null, null, notes);
    }
    if (target != needed) {
      basis.add("rounded up to " + target + ", a multiple of " + zones + " zone(s)");
    }
    int maxId = model.brokers().get(model.brokers().size() - 1).id();
    List<Integer> newIds = new ArrayList<>();
    for (int i = 1; i <= target - current; i++) {
      newIds.add(maxId + i);
    }
    ScaleOut scaleOut = new ScaleOut(current, target, zones, newIds, String.join("; ", basis));
    notes.add(
        "the new brokers are assumed to get ids "
            + join(newIds)
            + " (the next free ids); if they get others, run the doctor again after step 1");
    Incident incident =
        new Incident(
            "capacity-insufficient",
            IncidentKind.CAPACITY_INSUFFICIENT,
            Severity.HIGH,
            String.join("; ", signals),
            evidence,
            String.join("; ", causes),
            "Step 1: grow the cluster from "
                + current
                + " to "
                + target
                + " brokers ("
                + scaleOut.basis()
                + "). Step 2: rebalance onto the new brokers; adding brokers alone moves nothing,"
                + " Kafka leaves existing partitions where they are.");
    return new Finding(incident, scaleOut, notes);
  }

  private static int ceil(double x) {
    return (int) Math.ceil(x - 1e-9);
  }

  private static int roundUp(int n, int multiple) {
    return ((n + multiple - 1) / multiple) * multiple;
  }
}
