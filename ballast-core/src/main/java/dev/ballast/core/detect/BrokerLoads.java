package dev.ballast.core.detect;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.LoadVector;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-broker load derived from per-partition load and placement, by the load model of the planner:
 * a leader carries the bytes produced, the consumers' reads and the replication out to its
 * followers; a follower carries the replication in; every replica carries the size.
 */
public final class BrokerLoads {

  private BrokerLoads() {}

  /** Returns each broker's load in {@code model}, by broker id (every broker, zero included). */
  public static Map<Integer, LoadVector> of(ClusterModel model) {
    int n = model.brokers().size();
    double[] in = new double[n];
    double[] out = new double[n];
    double[] msgs = new double[n];
    double[] disk = new double[n];
    double[] replicas = new double[n];
    double[] leaders = new double[n];
    for (Partition p : model.partitions()) {
      PartitionLoad l = p.load();
      int followers = p.replicas().size() - 1;
      for (int r : p.replicas()) {
        int i = model.indexOf(r);
        disk[i] += l.sizeBytes();
        replicas[i]++;
        if (r == p.leader()) {
          in[i] += l.bytesInPerSec();
          out[i] += l.bytesOutPerSec() + l.bytesInPerSec() * followers;
          msgs[i] += l.messagesInPerSec();
          leaders[i]++;
        } else if (p.leader() >= 0) {
          in[i] += l.bytesInPerSec();
        }
      }
    }
    Map<Integer, LoadVector> result = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Broker b = model.brokers().get(i);
      result.put(b.id(), new LoadVector(in[i], out[i], msgs[i], disk[i], replicas[i], leaders[i]));
    }
    return result;
  }
}
