package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.join;
import static dev.ballast.core.doctor.Texts.percent;
import static dev.ballast.core.doctor.Texts.rate;

import dev.ballast.core.model.Broker;
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
    Totals totals = Totals.of(traffic);
    boolean capKnown = !Double.isNaN(cap[0]) || !Double.isNaN(cap[1]);
    if (!totals.loadKnown()) {
      notes.add(
          "the model carries no load figures, so network load against capacity and traffic"
              + " balance were not assessed");
    } else if (!capKnown) {
      notes.add(
          "no broker capacity was given (--broker-capacity), so load was not checked against"
              + " capacity");
    }
    CapacitySymptoms symptoms =
        CapacitySymptoms.find(model, traffic, cap, settings, persistent, urps);
    if (symptoms.none()) {
      return new Finding(null, null, notes);
    }
    int current = model.brokers().size();
    int zones = zones(model, settings);
    List<String> basis = new ArrayList<>();
    List<String> causes = new ArrayList<>(symptoms.causes());
    int needed = neededForLoad(totals, cap, settings, symptoms.urp(), basis, causes, current);
    int byPartitions = ceilDiv(totals.replicas(), settings.maxPartitionsPerBroker());
    if (!symptoms.crowded().isEmpty() || byPartitions > needed) {
      basis.add(
          totals.replicas()
              + " replicas at "
              + settings.maxPartitionsPerBroker()
              + " per broker need "
              + byPartitions);
      needed = Math.max(needed, byPartitions);
    }
    if (symptoms.urp() && needed <= current) {
      List<Integer> empty = emptyBrokers(model, traffic);
      if (!empty.isEmpty()) {
        notes.add(
            "under-replication persists, but broker(s) "
                + join(empty)
                + " hold nothing yet: rebalance onto them (step 2) before adding more brokers");
        return new Finding(null, null, notes);
      }
      needed = current + 1;
      basis.add("under-replication persists, so at least one broker more");
    }
    int target = roundUp(needed, zones);
    if (target <= current) {
      notes.add(
          "broker(s) "
              + join(symptoms.hot().isEmpty() ? symptoms.crowded() : symptoms.hot())
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
            String.join("; ", symptoms.signals()),
            symptoms.evidence(),
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

  /**
   * Returns the brokers the network load needs at the target utilisation: against the known
   * capacity, or, when it is unknown but under-replication persists, against the busiest broker's
   * load taken as saturation; 0 when neither applies. Adds the reasoning to {@code basis} and
   * {@code causes}.
   */
  private static int neededForLoad(
      Totals t,
      double[] cap,
      DoctorSettings settings,
      boolean urp,
      List<String> basis,
      List<String> causes,
      int current) {
    double target = settings.targetUtilisation();
    if (!t.loadKnown()) {
      return 0;
    }
    if (!Double.isNaN(cap[0]) || !Double.isNaN(cap[1])) {
      int byIn = Double.isNaN(cap[0]) ? 0 : ceil(t.in() / (cap[0] * target));
      int byOut = Double.isNaN(cap[1]) ? 0 : ceil(t.out() / (cap[1] * target));
      int needed = Math.max(byIn, byOut);
      basis.add(
          rate(t.in())
              + " in and "
              + rate(t.out())
              + " out at "
              + percent(target)
              + " of "
              + rate(Double.isNaN(cap[0]) ? cap[1] : cap[0])
              + " per broker need "
              + needed);
      causes.add(
          current
              + " broker(s) carry "
              + rate(t.in())
              + " in and "
              + rate(t.out())
              + " out; at "
              + percent(target)
              + " utilisation that takes "
              + needed);
      return needed;
    }
    if (!urp) {
      return 0;
    }
    int byIn = t.maxIn() > 0 ? ceil(t.in() / (t.maxIn() * target)) : 0;
    int byOut = t.maxOut() > 0 ? ceil(t.out() / (t.maxOut() * target)) : 0;
    int needed = Math.max(byIn, byOut);
    basis.add(
        "capacity unknown: the busiest broker ("
            + rate(t.maxIn())
            + " in, "
            + rate(t.maxOut())
            + " out) is taken as saturated, and "
            + percent(target)
            + " of that per broker needs "
            + needed);
    return needed;
  }

  private static List<Integer> emptyBrokers(ClusterModel model, List<BrokerTraffic> traffic) {
    List<Integer> empty = new ArrayList<>();
    for (int i = 0; i < traffic.size(); i++) {
      if (traffic.get(i).replicas() == 0 && model.brokers().get(i).state().canReceive()) {
        empty.add(traffic.get(i).brokerId());
      }
    }
    return empty;
  }

  /**
   * The cluster's totals.
   *
   * @param in bytes/s in over all brokers
   * @param out bytes/s out over all brokers
   * @param maxIn the busiest broker's bytes/s in
   * @param maxOut the busiest broker's bytes/s out
   * @param replicas replicas over all brokers
   */
  record Totals(double in, double out, double maxIn, double maxOut, long replicas) {

    static Totals of(List<BrokerTraffic> traffic) {
      double in = 0;
      double out = 0;
      double maxIn = 0;
      double maxOut = 0;
      long replicas = 0;
      for (BrokerTraffic t : traffic) {
        in += t.bytesInPerSec();
        out += t.bytesOutPerSec();
        maxIn = Math.max(maxIn, t.bytesInPerSec());
        maxOut = Math.max(maxOut, t.bytesOutPerSec());
        replicas += t.replicas();
      }
      return new Totals(in, out, maxIn, maxOut, replicas);
    }

    boolean loadKnown() {
      return in > 0 || out > 0;
    }
  }

  private static int ceilDiv(long n, int d) {
    return (int) ((n + d - 1) / d);
  }

  private static int ceil(double x) {
    return (int) Math.ceil(x - 1e-9);
  }

  private static int roundUp(int n, int multiple) {
    return ((n + multiple - 1) / multiple) * multiple;
  }
}
