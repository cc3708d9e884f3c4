package dev.ballast.core.doctor;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import java.util.ArrayList;
import java.util.List;

/**
 * The network load and counts on one broker, computed the way the planner counts them: every
 * replica receives the partition's bytes in (produce on the leader, replication fetches on
 * followers); the leader sends the consumers' bytes out plus one copy of the bytes in per follower.
 *
 * @param brokerId the broker
 * @param bytesInPerSec bytes/s in
 * @param bytesOutPerSec bytes/s out
 * @param replicas replicas held
 * @param leaders partitions led
 */
record BrokerTraffic(
    int brokerId, double bytesInPerSec, double bytesOutPerSec, int replicas, int leaders) {

  /** Returns the traffic of every broker of {@code model}, in broker order. */
  static List<BrokerTraffic> calculate(ClusterModel model) {
    int n = model.brokers().size();
    double[] in = new double[n];
    double[] out = new double[n];
    int[] replicas = new int[n];
    int[] leaders = new int[n];
    for (Partition p : model.partitions()) {
      double bytesIn = p.load().bytesInPerSec();
      for (int r : p.replicas()) {
        int b = model.indexOf(r);
        in[b] += bytesIn;
        replicas[b]++;
      }
      if (p.leader() >= 0) {
        int b = model.indexOf(p.leader());
        out[b] += p.load().bytesOutPerSec() + (p.replicas().size() - 1) * bytesIn;
        leaders[b]++;
      }
    }
    List<BrokerTraffic> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Broker b = model.brokers().get(i);
      result.add(new BrokerTraffic(b.id(), in[i], out[i], replicas[i], leaders[i]));
    }
    return result;
  }
}
