package dev.ballast.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SnapshotReaderTest {

  private static final ClusterDescription CLUSTER =
      new ClusterDescription(
          "id",
          0,
          List.of(
              new ClusterDescription.Broker(0, "h", 1, "a", false),
              new ClusterDescription.Broker(1, "h", 2, "b", true),
              new ClusterDescription.Broker(2, "h", 3, "c", false)),
          Map.of(
              "t",
              List.of(
                  new ClusterDescription.Partition(0, 0, List.of(0, 1), List.of(0)),
                  new ClusterDescription.Partition(1, -1, List.of(7), List.of())),
              "__ballast_canary",
              List.of(new ClusterDescription.Partition(0, 2, List.of(2), List.of(2)))));

  @Test
  void fencedAndUnregisteredBrokersAreDeadAndLoadIsAttached() {
    PartitionLoad load = new PartitionLoad(100, 50, 10, 1000);
    ClusterModel m =
        SnapshotReader.toModel(
            CLUSTER, Map.of(new TopicPartition("t", 0), load), Map.of(), t -> !t.startsWith("__"));

    assertThat(m.brokers())
        .extracting(Broker::id, Broker::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, BrokerState.ALIVE),
            org.assertj.core.groups.Tuple.tuple(1, BrokerState.DEAD),
            org.assertj.core.groups.Tuple.tuple(2, BrokerState.ALIVE),
            org.assertj.core.groups.Tuple.tuple(7, BrokerState.DEAD));
    assertThat(m.partitions()).extracting(Partition::name).containsExactly("t-0", "t-1");
    assertThat(m.partitions().get(0).load()).isEqualTo(load);
    assertThat(m.partitions().get(1).leader()).isEqualTo(-1);
    assertThat(m.partitions().get(1).load()).isEqualTo(PartitionLoad.ZERO);
  }

  @Test
  void operatorStatesApplyButADeadBrokerStaysDead() {
    ClusterModel m =
        SnapshotReader.toModel(
            CLUSTER, Map.of(), Map.of(2, BrokerState.DRAINING, 1, BrokerState.SLOW), t -> true);

    assertThat(m.brokers().get(2).state()).isEqualTo(BrokerState.DRAINING);
    assertThat(m.brokers().get(1).state()).isEqualTo(BrokerState.DEAD);
  }

  @Test
  void anUnknownBrokerInStatesIsAClearError() {
    assertThatThrownBy(
            () ->
                SnapshotReader.toModel(
                    CLUSTER, Map.of(), Map.of(9, BrokerState.DRAINING), t -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("broker 9 is not in the cluster (brokers: 0,1,2,7)");
  }
}
