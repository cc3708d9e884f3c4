package dev.ballast.core.relieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Action;
import dev.ballast.core.plan.LoadVector;
import dev.ballast.core.plan.PlannerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The invariants of a relief on many random clusters: only hot brokers lose replicas or leadership,
 * no broker that was under the threshold ends above it, no hot broker gets hotter, no broker that
 * may not receive gains a replica, and replication factors are kept.
 */
class ThresholdReliefPropertiesTest {

  private static final String[] THRESHOLDS = {
    "network-in>20MB/s",
    "network-out>30MB/s",
    "messages>500",
    "disk>60GB",
    "replicas>4",
    "leaders>2"
  };

  @Test
  void onlyHotBrokersAreRelievedAndNoOtherCrossesTheThreshold() {
    int relievedSomething = 0;
    for (long seed = 1; seed <= 400; seed++) {
      ClusterModel model = cluster(seed);
      ReliefThreshold t = ReliefThreshold.parse(THRESHOLDS[(int) (seed % THRESHOLDS.length)]);
      Relief relief = ThresholdRelief.calculate(model, t, PlannerOptions.defaults());
      ClusterModel after = relief.plan().applyTo(model);
      Map<Integer, LoadVector> before = BrokerLoads.of(model);
      Map<Integer, LoadVector> end = BrokerLoads.of(after);
      String where = "seed " + seed + ", " + t.text();
      for (Action a : relief.plan().actions()) {
        assertThat(a.newReplicas())
            .as(where)
            .hasSameSizeAs(a.oldReplicas())
            .doesNotHaveDuplicates();
        for (int lost : a.oldReplicas()) {
          if (!a.newReplicas().contains(lost)) {
            assertThat(hot(before, model, t, lost))
                .as(where + ": lost a replica on " + lost)
                .isTrue();
          }
        }
        if (a.oldLeader() != a.newLeader() && a.oldLeader() >= 0) {
          assertThat(hot(before, model, t, a.oldLeader())).as(where + ": leader moved").isTrue();
        }
        for (int gained : a.newReplicas()) {
          if (!a.oldReplicas().contains(gained)) {
            Broker b = model.brokers().get(model.indexOf(gained));
            assertThat(b.state().canReceive()).as(where + ": " + gained + " received").isTrue();
          }
        }
      }
      for (Broker b : model.brokers()) {
        double was = before.get(b.id()).get(t.resource());
        double is = end.get(b.id()).get(t.resource());
        if (hot(before, model, t, b.id())) {
          assertThat(is).as(where + ": hot broker " + b.id()).isLessThanOrEqualTo(was + 1e-6);
        } else {
          assertThat(is)
              .as(where + ": cold broker " + b.id())
              .isLessThanOrEqualTo(t.limitOf(b) + 1e-6);
        }
      }
      relievedSomething += relief.plan().isEmpty() ? 0 : 1;
    }
    assertThat(relievedSomething).as("clusters where something moved").isGreaterThan(50);
  }

  private static boolean hot(
      Map<Integer, LoadVector> loads, ClusterModel m, ReliefThreshold t, int id) {
    return loads.get(id).get(t.resource()) > t.limitOf(m.brokers().get(m.indexOf(id))) + 1e-9;
  }

  /** A random cluster: 3-7 brokers (now and then excluded, dead or new), racks, RF 1-3. */
  private static ClusterModel cluster(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int brokers = 3 + r.nextInt(5);
    int racks = r.nextInt(3);
    List<Broker> bs = new ArrayList<>();
    BrokerState[] odd = {BrokerState.EXCLUDED, BrokerState.DEAD, BrokerState.NEW, BrokerState.SLOW};
    for (int i = 0; i < brokers; i++) {
      BrokerState s = r.nextInt(6) == 0 ? odd[r.nextInt(odd.length)] : BrokerState.ALIVE;
      bs.add(new Broker(i, racks == 0 ? null : "rack-" + i % (racks + 1), s, null));
    }
    List<Partition> ps = new ArrayList<>();
    int hotBroker = r.nextInt(brokers);
    for (int p = 0; p < 5 + r.nextInt(25); p++) {
      int rf = 1 + r.nextInt(Math.min(3, brokers));
      List<Integer> replicas = new ArrayList<>();
      if (r.nextInt(2) == 0) {
        replicas.add(hotBroker); // skew: one broker holds about half of everything
      }
      while (replicas.size() < rf) {
        int b = r.nextInt(brokers);
        if (!replicas.contains(b)) {
          replicas.add(b);
        }
      }
      double in = r.nextDouble() * 8e6;
      PartitionLoad load =
          new PartitionLoad(in, in * r.nextInt(3), in / 20_000, (long) (r.nextDouble() * 20e9));
      ps.add(Partition.of("t" + p % 3, p, replicas, load));
    }
    return ClusterModel.of(bs, ps);
  }
}
