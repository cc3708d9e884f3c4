package dev.ballast.app.metrics;

import dev.ballast.app.balance.BalancerListener.CanaryLatencies;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.kafka.sample.LoadEstimate;
import io.prometheus.metrics.core.metrics.Gauge;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-broker series (labels {@code broker} and {@code rack}): sampled load, placement, state
 * and canary latency. A broker that leaves the cluster loses its series. Not thread-safe: {@link
 * BallastMetrics} serialises the calls.
 */
final class BrokerMetrics {

  private static final List<Double> QUANTILES = List.of(0.5, 0.95, 0.99);

  private final Gauge bytesIn;
  private final Gauge bytesOut;
  private final Gauge messagesIn;
  private final Gauge partitions;
  private final Gauge leaders;
  private final Gauge logSize;
  private final Gauge stale;
  private final Gauge state;
  private final Gauge canaryLast;
  private final Gauge canary;
  private final Map<String, String> racks = new HashMap<>();

  BrokerMetrics(Registrar r) {
    bytesIn = r.gauge("ballast_broker_bytes_in_per_second", "Bytes/s in", "broker", "rack");
    bytesOut = r.gauge("ballast_broker_bytes_out_per_second", "Bytes/s out", "broker", "rack");
    messagesIn =
        r.gauge(
            "ballast_broker_messages_in_per_second",
            "Messages/s produced to its leaders",
            "broker",
            "rack");
    partitions =
        r.gauge(
            "ballast_broker_partitions", "Partition replicas the broker holds", "broker", "rack");
    leaders = r.gauge("ballast_broker_leaders", "Partitions the broker leads", "broker", "rack");
    logSize =
        r.gauge(
            "ballast_broker_log_size_bytes",
            "Bytes of partition replicas on its disks",
            "broker",
            "rack");
    stale =
        r.gauge(
            "ballast_broker_stale",
            "1 when the broker did not answer in the load window",
            "broker",
            "rack");
    state =
        r.gauge(
            "ballast_broker_state",
            "1 for the broker's state as the planner sees it (alive, new, draining, ...)",
            "broker",
            "rack",
            "state");
    canaryLast =
        r.gauge(
            "ballast_broker_canary_last_latency_seconds",
            "Produce latency of the last canary round",
            "broker",
            "rack");
    canary =
        r.gauge(
            "ballast_broker_canary_latency_seconds",
            "Canary produce latency percentile over the recent rounds the prober keeps",
            "broker",
            "rack",
            "quantile");
  }

  void onSample(ClusterModel model, LoadEstimate estimate) {
    Map<String, String> seen = new HashMap<>();
    Map<Integer, LoadVector> loads = BrokerLoads.of(model);
    boolean rated = estimate.ready();
    for (Broker b : model.brokers()) {
      String id = Integer.toString(b.id());
      String rack = b.rack() == null ? "" : b.rack();
      seen.put(id, rack);
      String previous = racks.get(id);
      if (previous != null && !previous.equals(rack)) {
        remove(id, previous);
      }
      LoadVector l = loads.get(b.id());
      bytesIn.labelValues(id, rack).set(rated ? l.networkIn() : 0);
      bytesOut.labelValues(id, rack).set(rated ? l.networkOut() : 0);
      messagesIn.labelValues(id, rack).set(rated ? l.messages() : 0);
      partitions.labelValues(id, rack).set(l.replicas());
      leaders.labelValues(id, rack).set(l.leaders());
      logSize.labelValues(id, rack).set(l.disk());
      stale.labelValues(id, rack).set(estimate.staleBrokers().contains(b.id()) ? 1 : 0);
      for (BrokerState s : BrokerState.values()) {
        state.labelValues(id, rack, s.label()).set(s == b.state() ? 1 : 0);
      }
    }
    racks.forEach(
        (id, rack) -> {
          if (!seen.containsKey(id)) {
            remove(id, rack);
          }
        });
    racks.clear();
    racks.putAll(seen);
  }

  void onCanary(CanaryLatencies latencies) {
    latencies
        .lastMs()
        .forEach(
            (b, ms) -> {
              String id = Integer.toString(b);
              String rack = racks.get(id);
              if (rack == null) {
                return; // not sampled yet: its rack label is unknown
              }
              canaryLast.labelValues(id, rack).set(ms / 1000.0);
              setQuantile(id, rack, 0.5, latencies.p50Ms().get(b));
              setQuantile(id, rack, 0.95, latencies.p95Ms().get(b));
              setQuantile(id, rack, 0.99, latencies.p99Ms().get(b));
            });
  }

  private void setQuantile(String id, String rack, double q, Double ms) {
    if (ms != null) {
      canary.labelValues(id, rack, quantile(q)).set(ms / 1000.0);
    }
  }

  private static String quantile(double q) {
    return q == 0.5 ? "0.5" : String.format(Locale.ROOT, "%.2f", q);
  }

  private void remove(String id, String rack) {
    for (Gauge g :
        List.of(bytesIn, bytesOut, messagesIn, partitions, leaders, logSize, stale, canaryLast)) {
      g.remove(id, rack);
    }
    for (BrokerState s : BrokerState.values()) {
      state.remove(id, rack, s.label());
    }
    for (double q : QUANTILES) {
      canary.remove(id, rack, quantile(q));
    }
  }
}
