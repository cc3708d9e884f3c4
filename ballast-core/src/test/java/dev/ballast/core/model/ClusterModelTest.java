package dev.ballast.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterModelTest {

  private static final PartitionLoad LOAD = new PartitionLoad(1, 2, 3, 4);

  @Test
  void sortsBrokersAndPartitions() {
    ClusterModel model =
        ClusterModel.of(
            List.of(Broker.alive(2), Broker.alive(0), Broker.alive(1)),
            List.of(
                Partition.of("b", 0, List.of(0), LOAD),
                Partition.of("a", 1, List.of(1), LOAD),
                Partition.of("a", 0, List.of(2), LOAD)));

    assertThat(model.brokers()).extracting(Broker::id).containsExactly(0, 1, 2);
    assertThat(model.partitions()).extracting(Partition::name).containsExactly("a-0", "a-1", "b-0");
    assertThat(model.brokerIdsText()).isEqualTo("0,1,2");
    assertThat(model.indexOf(2)).isEqualTo(2);
    assertThat(model.indexOf(7)).isEqualTo(-1);
    assertThat(model.replicaCount()).isEqualTo(3);
  }

  @Test
  void rejectsDuplicatesAndUnknownBrokers() {
    assertThatThrownBy(() -> ClusterModel.of(List.of(Broker.alive(1), Broker.alive(1)), List.of()))
        .hasMessage("broker 1 is listed twice");
    assertThatThrownBy(
            () ->
                ClusterModel.of(
                    List.of(Broker.alive(0)),
                    List.of(
                        Partition.of("a", 0, List.of(0), LOAD),
                        Partition.of("a", 0, List.of(0), LOAD))))
        .hasMessage("partition a-0 is listed twice");
    assertThatThrownBy(
            () ->
                ClusterModel.of(
                    List.of(Broker.alive(0), Broker.alive(1)),
                    List.of(Partition.of("a", 0, List.of(0, 5), LOAD))))
        .hasMessage(
            "partition a-0 has a replica on broker 5, which is not in the brokers list"
                + " (brokers: 0,1)");
  }

  @Test
  void partitionChecksLeaderAndIsr() {
    assertThatThrownBy(() -> new Partition("a", 0, List.of(0, 1), 2, List.of(0), LOAD))
        .hasMessage("a-0 has leader 2 which is not one of its replicas [0, 1]");
    assertThatThrownBy(() -> new Partition("a", 0, List.of(0, 1), 0, List.of(0, 3), LOAD))
        .hasMessage("a-0 has broker 3 in its ISR but not in its replicas [0, 1]");
    assertThatThrownBy(() -> new Partition("a", 0, List.of(), -1, List.of(), LOAD))
        .hasMessage("a-0 has no replicas");
    assertThat(new Partition("a", 0, List.of(0, 1), -1, List.of(), LOAD).leader()).isEqualTo(-1);
  }

  @Test
  void withBrokerStatesChangesOnlyTheNamedBrokers() {
    ClusterModel model = ClusterModel.of(List.of(Broker.alive(0), Broker.alive(1)), List.of());

    ClusterModel drained = model.withBrokerStates(Map.of(1, BrokerState.DRAINING));

    assertThat(drained.brokers())
        .extracting(Broker::state)
        .containsExactly(BrokerState.ALIVE, BrokerState.DRAINING);
    assertThatThrownBy(() -> model.withBrokerState(7, BrokerState.SLOW))
        .hasMessage("broker 7 is not in the cluster (brokers: 0,1)");
  }
}
