package dev.ballast.app.metrics;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** A small skewed cluster, its load estimate and its plan, shared by the observability tests. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * Returns 3 brokers (racks a, b, c) and 6 single-replica partitions of topic "orders", four on
   * broker 1 and one on each other broker, each taking 100 kB/s in, 200 kB/s out, 50 msg/s, 10 MB.
   */
  public static ClusterModel skewed() {
    List<Broker> brokers = new ArrayList<>();
    String[] racks = {"a", "b", "c"};
    for (int i = 1; i <= 3; i++) {
      brokers.add(new Broker(i, racks[i - 1], BrokerState.ALIVE, null));
    }
    int[] placement = {1, 1, 1, 1, 2, 3};
    List<Partition> partitions = new ArrayList<>();
    for (int p = 0; p < placement.length; p++) {
      partitions.add(Partition.of("orders", p, List.of(placement[p]), load()));
    }
    return ClusterModel.of(brokers, partitions);
  }

  /** Returns the load of each fixture partition. */
  public static PartitionLoad load() {
    return new PartitionLoad(100_000, 200_000, 50, 10_000_000);
  }

  /** Returns a ready estimate (3 samples over 10 s) of {@code model}'s partitions. */
  public static LoadEstimate estimate(ClusterModel model) {
    Map<TopicPartition, PartitionLoad> loads = new HashMap<>();
    model
        .partitions()
        .forEach(p -> loads.put(new TopicPartition(p.topic(), p.partition()), p.load()));
    return new LoadEstimate(loads, 10, 3, Set.of(), Set.of(), List.of());
  }

  /** Returns the planner's plan for {@code model} with default options. */
  public static Plan plan(ClusterModel model) {
    return new Planner(PlannerOptions.defaults()).plan(model);
  }
}
