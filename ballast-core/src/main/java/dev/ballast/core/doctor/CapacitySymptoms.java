package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.join;
import static dev.ballast.core.doctor.Texts.percent;
import static dev.ballast.core.doctor.Texts.rate;
import static dev.ballast.core.doctor.Texts.sample;

import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.List;

/**
 * What points at missing capacity: under-replication that persists, brokers above the alarm
 * fraction of their network capacity, brokers above the partition limit.
 *
 * @param urp whether under-replication persists
 * @param hot brokers above the alarm fraction of capacity
 * @param crowded brokers above the partition limit
 * @param signals one line per kind of symptom found
 * @param evidence the figures behind the signals
 * @param causes the root causes the symptoms point at
 */
record CapacitySymptoms(
    boolean urp,
    List<Integer> hot,
    List<Integer> crowded,
    List<String> signals,
    List<String> evidence,
    List<String> causes) {

  /** Returns whether nothing points at missing capacity. */
  boolean none() {
    return signals.isEmpty();
  }

  /** Finds the symptoms in {@code model}; {@code cap} is capacity in and out (NaN: unknown). */
  static CapacitySymptoms find(
      ClusterModel model,
      List<BrokerTraffic> traffic,
      double[] cap,
      DoctorSettings settings,
      boolean persistent,
      List<Partition> urps) {
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
    double alarm = settings.alarmUtilisation();
    List<Integer> hot = new ArrayList<>();
    for (int i = 0; i < traffic.size(); i++) {
      BrokerTraffic t = traffic.get(i);
      if (model.brokers().get(i).state() == BrokerState.DEAD) {
        continue;
      }
      boolean overIn = over(t.brokerId(), "network-in", t.bytesInPerSec(), cap[0], alarm, evidence);
      boolean overOut =
          over(t.brokerId(), "network-out", t.bytesOutPerSec(), cap[1], alarm, evidence);
      if (overIn || overOut) {
        hot.add(t.brokerId());
      }
    }
    List<Integer> crowded = new ArrayList<>();
    int limit = settings.maxPartitionsPerBroker();
    for (BrokerTraffic t : traffic) {
      if (t.replicas() > limit) {
        crowded.add(t.brokerId());
        evidence.add(
            "broker "
                + t.brokerId()
                + " holds "
                + t.replicas()
                + " replicas (limit "
                + limit
                + ")");
      }
    }
    if (!hot.isEmpty()) {
      signals.add("broker(s) " + join(hot) + " above " + percent(alarm) + " of network capacity");
    }
    if (!crowded.isEmpty()) {
      signals.add("broker(s) " + join(crowded) + " above " + limit + " partitions");
      causes.add("brokers hold more partitions than they handle well");
    }
    return new CapacitySymptoms(urp, hot, crowded, signals, evidence, causes);
  }

  /** Adds a line to {@code evidence} and returns true when {@code load} is above the alarm. */
  private static boolean over(
      int broker, String what, double load, double cap, double alarm, List<String> evidence) {
    if (Double.isNaN(cap) || load <= alarm * cap) {
      return false;
    }
    evidence.add(
        "broker "
            + broker
            + " "
            + what
            + " "
            + rate(load)
            + " = "
            + percent(load / cap)
            + " of "
            + rate(cap));
    return true;
  }
}
