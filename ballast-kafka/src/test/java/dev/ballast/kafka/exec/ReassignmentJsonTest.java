package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.kafka.ClusterDescription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReassignmentJsonTest {

  private static final String KAFKA_JSON =
      """
      {"version":1,"partitions":[
        {"topic":"t","partition":0,"replicas":[1,2],"log_dirs":["any","any"]},
        {"topic":"t","partition":1,"replicas":[2,0]}
      ]}
      """;

  @Test
  void kafkasOwnJsonIsAcceptedAndRoundTrips() {
    List<Reassignment> parsed = ReassignmentJson.parse(KAFKA_JSON);

    assertThat(parsed)
        .containsExactly(
            new Reassignment("t", 0, List.of(1, 2), 0), new Reassignment("t", 1, List.of(2, 0), 0));
    assertThat(ReassignmentJson.parse(ReassignmentJson.write(parsed))).isEqualTo(parsed);
    assertThat(ReassignmentJson.write(parsed)).contains("\"log_dirs\" : [ \"any\", \"any\" ]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,1]}]} | partitions[0]: t-0 lists a broker twice in its replicas [1, 1]",
        "{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[]}]}    | partitions[0]: \"replicas\" must be a non-empty array of broker ids",
        "{\"partitions\":[{\"partition\":0,\"replicas\":[1]}]}                   | partitions[0]: \"topic\" must be a non-empty string",
        "{\"partitions\":[{\"topic\":\"t\",\"partition\":-1,\"replicas\":[1]}]}  | partitions[0]: \"partition\" must be a number >= 0",
        "{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[\"x\"]}]} | partitions[0]: replica \"x\" is not a broker id",
        "{\"version\":2,\"partitions\":[]}                                     | reassignment JSON version 2 is not supported (only 1)",
        "{\"topics\":[]}                                                       | expected a reassignment JSON object with a \"partitions\" array, as kafka-reassign-partitions.sh writes",
      })
  void badEntriesAreNamed(String json, String message) {
    assertThatThrownBy(() -> ReassignmentJson.parse(json.trim()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message.trim());
  }

  @Test
  void aPartitionListedTwiceIsRejected() {
    String json =
        "{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1]},{\"topic\":\"t\",\"partition\":0,\"replicas\":[2]}]}";
    assertThatThrownBy(() -> ReassignmentJson.parse(json))
        .hasMessage("partitions[1]: t-0 is listed twice");
  }

  @Test
  void malformedJsonSaysWhere() {
    assertThatThrownBy(() -> ReassignmentJson.parse("{\"partitions\": [\n  {\"topic\": }"))
        .hasMessageStartingWith("not valid JSON: ")
        .hasMessageContaining("(line 2, column ");
  }

  @Test
  void validationNamesUnknownTopicsPartitionsBrokersAndRfChanges() {
    ClusterDescription cluster =
        new ClusterDescription(
            "c",
            0,
            List.of(
                new ClusterDescription.Broker(0, "h", 1, null, false),
                new ClusterDescription.Broker(1, "h", 2, null, false)),
            Map.of(
                "t",
                List.of(new ClusterDescription.Partition(0, 0, List.of(0, 1), List.of(0, 1)))));
    List<Reassignment> plan =
        List.of(
            new Reassignment("nope", 0, List.of(0), 0),
            new Reassignment("t", 3, List.of(0, 1), 0),
            new Reassignment("t", 0, List.of(1, 7), 0),
            new Reassignment("t", 0, List.of(1), 0));

    assertThat(ReassignmentValidator.validate(plan, cluster))
        .containsExactly(
            "nope-0: topic nope does not exist",
            "t-3: topic t has no partition 3 (it has 1)",
            "t-0: broker 7 is not in the cluster (brokers: 0,1)",
            "t-0: the plan changes the replication factor from 2 to 1 (Ballast keeps it, KIP-860; --allow-replication-factor-change applies it)");
  }

  @Test
  void aPartitionMidMoveIsJudgedByTheFactorOfItsTarget() {
    ClusterDescription cluster =
        new ClusterDescription(
            "c",
            0,
            List.of(
                new ClusterDescription.Broker(0, "h", 1, null, false),
                new ClusterDescription.Broker(1, "h", 2, null, false)),
            Map.of(
                "t", List.of(new ClusterDescription.Partition(0, 0, List.of(1, 0), List.of(0)))));
    List<Reassignment> plan = List.of(new Reassignment("t", 0, List.of(1), 0));
    org.apache.kafka.common.TopicPartition t0 = new org.apache.kafka.common.TopicPartition("t", 0);

    assertThat(ReassignmentValidator.validate(plan, cluster, Map.of(t0, 1))).isEmpty();
    assertThat(ReassignmentValidator.validate(plan, cluster, Map.of(t0, 3)))
        .containsExactly(
            "t-0: the plan changes the replication factor from 3 to 1 (Ballast keeps it, KIP-860; --allow-replication-factor-change applies it)");
  }
}
