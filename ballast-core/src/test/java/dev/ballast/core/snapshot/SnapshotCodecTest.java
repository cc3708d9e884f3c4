package dev.ballast.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.Capacity;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.core.synthetic.SyntheticCluster;
import dev.ballast.core.synthetic.SyntheticSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotCodecTest {

  @Test
  void readsTheDocumentedExample() {
    String json =
        """
        {
          "version": 1,
          "brokers": [
            {"id": 0, "rack": "a"},
            {"id": 1, "rack": "b", "state": "draining"},
            {"id": 2, "rack": "c", "state": "new",
             "capacity": {"bytesInPerSec": 125000000, "bytesOutPerSec": 250000000}}
          ],
          "partitions": [
            {"topic": "orders", "partition": 0, "replicas": [0, 1], "leader": 1, "isr": [1],
             "load": {"bytesInPerSec": 1048576, "bytesOutPerSec": 2097152,
                      "messagesInPerSec": 1024, "sizeBytes": 1073741824}},
            {"topic": "orders", "partition": 1, "replicas": [1, 0]}
          ]
        }
        """;

    ClusterModel model = SnapshotCodec.parse(json);

    assertThat(model.brokers())
        .containsExactly(
            new Broker(0, "a", BrokerState.ALIVE, null),
            new Broker(1, "b", BrokerState.DRAINING, null),
            new Broker(2, "c", BrokerState.NEW, new Capacity(125e6, 250e6)));
    assertThat(model.partitions())
        .containsExactly(
            new Partition(
                "orders",
                0,
                List.of(0, 1),
                1,
                List.of(1),
                new PartitionLoad(1048576, 2097152, 1024, 1073741824L)),
            new Partition("orders", 1, List.of(1, 0), 1, List.of(1, 0), PartitionLoad.ZERO));
  }

  @Test
  void writeThenParseGivesTheSameModel() {
    ClusterModel model = SyntheticCluster.generate(new SyntheticSpec(6, 40, 3, 3, 0.3, 7));
    ClusterModel again = SnapshotCodec.parse(SnapshotCodec.write(model));
    assertThat(again.brokers()).isEqualTo(model.brokers());
    assertThat(again.partitions()).isEqualTo(model.partitions());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]| a snapshot must be a JSON object with brokers and partitions",
        "{\"brokers\": []}| the snapshot needs a 'partitions' array",
        "{\"version\": 2, \"brokers\": [], \"partitions\": []}| snapshot version 2 is not supported"
            + " (this Ballast reads version 1)",
        "{\"brokers\": [{\"id\": 0, \"state\": \"sleepy\"}], \"partitions\": []}| broker 0: unknown"
            + " state 'sleepy' (states: alive,new,draining,dead,slow,excluded)",
        "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
            + " \"replicas\": [0, 7]}]}| partition t-0 has a replica on broker 7, which is not in"
            + " the brokers list (brokers: 0)",
        "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
            + " \"replicas\": [0, 0]}]}| t-0 lists broker 0 twice in replicas",
        "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
            + " \"replicas\": [0], \"load\": {\"bytesInPerSec\": -1}}]}| t-0: load figures must be"
            + " finite and >= 0, got -1.0, 0.0, 0.0, 0",
        "{\"brokers\": [{\"id\": 0, \"colour\": 1}], \"partitions\": []}| brokers[0]: unknown field"
            + " 'colour' (fields: capacity,id,rack,state)",
        "{\"brokers\": [{\"id\": 0}, {\"id\": 0}], \"partitions\": []}| broker 0 is listed twice",
        "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
            + " \"replicas\": [0], \"load\": {\"sizeBytes\": 1e400}}]}| t-0 load: 'sizeBytes' must be"
            + " a whole number of bytes up to 9223372036854775807, got Infinity",
        "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
            + " \"replicas\": [0], \"load\": {\"sizeBytes\": 123456789012345678901234567890}}]}| t-0"
            + " load: 'sizeBytes' must be a whole number of bytes up to 9223372036854775807, got"
            + " 123456789012345678901234567890",
        "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
            + " \"replicas\": [0], \"load\": {\"bytesInPerSec\": 1e400}}]}| t-0 load: 'bytesInPerSec'"
            + " is too large a number (Infinity)",
      })
  void rejectsWithOneLineNamingTheProblem(String json, String message) {
    assertThatThrownBy(() -> SnapshotCodec.parse(json))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsInvalidJsonWithItsPosition() {
    assertThatThrownBy(() -> SnapshotCodec.parse("{\"brokers\": [}"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageStartingWith("not valid JSON: ")
        .hasMessageContaining("(line 1, column ");
  }

  @Test
  void aRepeatedKeyIsAnErrorNotLastOneWins() {
    assertThatThrownBy(
            () ->
                SnapshotCodec.parse(
                    "{\"brokers\": [{\"id\": 0}], \"brokers\": [{\"id\": 1}], \"partitions\": []}"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageStartingWith("not valid JSON: Duplicate field 'brokers'")
        .hasMessageContaining("(line 1, column ");
  }

  @Test
  void trailingJunkAfterTheDocumentIsAnError() {
    assertThatThrownBy(() -> SnapshotCodec.parse("{\"brokers\": [], \"partitions\": []}\n{}"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("not valid JSON: unexpected content after the document (line 2, column 2)");
    assertThatThrownBy(() -> SnapshotCodec.parse("{\"brokers\": [], \"partitions\": []}\n}"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageStartingWith("not valid JSON: Unexpected close marker '}'")
        .hasMessageEndingWith("(line 2, column 1)");
  }

  @Test
  void aWholeSizeWrittenAsADecimalIsAccepted() {
    ClusterModel model =
        SnapshotCodec.parse(
            "{\"brokers\": [{\"id\": 0}], \"partitions\": [{\"topic\": \"t\", \"partition\": 0,"
                + " \"replicas\": [0], \"load\": {\"sizeBytes\": 1.5e9}}]}");
    assertThat(model.partitions().get(0).load().sizeBytes()).isEqualTo(1_500_000_000L);
  }
}
