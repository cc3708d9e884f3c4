package dev.ballast.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.plan.LoadVector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerLoadsTest {

  @Test
  void leadersCarryProduceConsumeAndReplicationOutFollowersReplicationIn() {
    PartitionLoad load = new PartitionLoad(100, 30, 10, 1000);
    ClusterModel m =
        ClusterModel.of(
            List.of(Broker.alive(0), Broker.alive(1), Broker.alive(2)),
            List.of(
                Partition.of("t", 0, List.of(0, 1), load), Partition.of("t", 1, List.of(1), load)));

    Map<Integer, LoadVector> loads = BrokerLoads.of(m);

    // broker 0 leads t-0: in 100, out 30 + 100 to its follower
    assertThat(loads.get(0)).isEqualTo(new LoadVector(100, 130, 10, 1000, 1, 1));
    // broker 1 follows t-0 (in 100) and leads t-1 (in 100, out 30)
    assertThat(loads.get(1)).isEqualTo(new LoadVector(200, 30, 10, 2000, 2, 1));
    assertThat(loads.get(2)).isEqualTo(new LoadVector(0, 0, 0, 0, 0, 0));
  }
}
