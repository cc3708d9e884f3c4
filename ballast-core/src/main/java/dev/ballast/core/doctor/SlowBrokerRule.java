package dev.ballast.core.doctor;

import static dev.ballast.core.doctor.Texts.fixed2;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SlowBroker: a broker marked slow in the model, or whose canary latency is far above its peers'
 * median (peer comparison, not a fixed threshold).
 */
final class SlowBrokerRule {

  /**
   * What the rule found.
   *
   * @param incidents one per slow broker
   * @param newlySlow brokers found slow by latency that the model does not mark slow yet
   */
  record Finding(List<Incident> incidents, List<Integer> newlySlow) {}

  private SlowBrokerRule() {}

  static Finding evaluate(DoctorInput input, DoctorSettings settings) {
    ClusterModel model = input.model();
    Map<Integer, Double> latency = input.canaryLatencyMillis();
    List<Incident> incidents = new ArrayList<>();
    List<Integer> newlySlow = new ArrayList<>();
    for (Broker b : model.brokers()) {
      String signal = null;
      List<String> evidence = new ArrayList<>();
      Double own = latency.get(b.id());
      if (own != null && latency.size() > 1 && b.state().canReceive()) {
        double median = medianOfPeers(latency, b.id());
        if (own >= settings.slowBrokerFactor() * median && own >= settings.slowBrokerMinMillis()) {
          signal =
              String.format(
                  Locale.ROOT,
                  "canary produce latency %.0f ms on broker %d, %.0f ms median on its peers",
                  own,
                  b.id(),
                  median);
          evidence.add(
              "slow at >= "
                  + fixed2(settings.slowBrokerFactor())
                  + "x the peers' median and >= "
                  + String.format(Locale.ROOT, "%.0f", settings.slowBrokerMinMillis())
                  + " ms");
          latency.forEach(
              (id, ms) -> evidence.add(String.format(Locale.ROOT, "broker %d: %.0f ms", id, ms)));
          newlySlow.add(b.id());
        }
      } else if (b.state() == BrokerState.SLOW) {
        signal = "broker " + b.id() + " is marked slow";
        evidence.add("state slow in the snapshot");
      }
      if (signal == null) {
        continue;
      }
      incidents.add(
          new Incident(
              "slow-broker-" + b.id(),
              IncidentKind.SLOW_BROKER,
              Severity.MEDIUM,
              signal,
              evidence,
              "a broker much slower than its peers (failing disk, noisy neighbour, throttled"
                  + " network, long GC) delays every produce it leads and every acks=all write"
                  + " whose ISR it is in",
              "Step 2 takes leadership off broker "
                  + b.id()
                  + " (and moves the only replica of RF=1 partitions) so clients stop waiting on"
                  + " it; then find out why it is slow and bring it back."));
    }
    return new Finding(incidents, newlySlow);
  }

  private static double medianOfPeers(Map<Integer, Double> latency, int self) {
    double[] peers =
        latency.entrySet().stream()
            .filter(e -> e.getKey() != self)
            .mapToDouble(Map.Entry::getValue)
            .sorted()
            .toArray();
    int n = peers.length;
    return n % 2 == 1 ? peers[n / 2] : (peers[n / 2 - 1] + peers[n / 2]) / 2;
  }
}
