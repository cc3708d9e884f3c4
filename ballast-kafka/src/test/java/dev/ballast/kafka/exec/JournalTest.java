package dev.ballast.kafka.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The journal's record format and its last-value-per-key state, without a cluster. */
class JournalTest {

  private static final JournaledMove MOVE =
      new JournaledMove("orders", 3, List.of(0, 1), List.of(2, 1), "host/42");
  private static final JournaledThrottle BROKER =
      new JournaledThrottle(
          new ConfigResource(ConfigResource.Type.BROKER, "0"),
          Map.of(Throttles.LEADER_RATE, "1000", Throttles.FOLLOWER_RATE, "1000"),
          Map.of(Throttles.LEADER_RATE, "5"));

  @Test
  void recordsRoundTripThroughTheCodec() {
    assertThat(JournalCodec.decode(JournalCodec.encode(MOVE))).isEqualTo(MOVE);
    assertThat(JournalCodec.decode(JournalCodec.encode(BROKER))).isEqualTo(BROKER);
    JournaledThrottle paced =
        new JournaledThrottle(
            BROKER.resource(),
            Map.of(Throttles.LEADER_RATE, "500"),
            Map.of(),
            Map.of(Throttles.LEADER_RATE, "1000"));
    assertThat(JournalCodec.decode(JournalCodec.encode(paced))).isEqualTo(paced);
    assertThat(JournalCodec.partitionOf(JournalCodec.key(MOVE.topicPartition())))
        .isEqualTo(new TopicPartition("orders", 3));
    assertThat(JournalCodec.resourceOf(JournalCodec.key(BROKER.resource())))
        .isEqualTo(BROKER.resource());
  }

  @Test
  void aRecordThatIsNotBallastsIsRefusedWithTheReason() {
    assertThatThrownBy(() -> JournalCodec.decode("{\"kind\":\"nope\"}"))
        .hasMessage("unknown record kind 'nope'");
    assertThatThrownBy(() -> JournalCodec.decode("{\"kind\":\"move\",\"partition\":1}"))
        .hasMessage("field 'topic' is missing");
    assertThatThrownBy(() -> JournalCodec.decode("{oops")).hasMessageStartingWith("not JSON");
  }

  @Test
  void theStateIsTheLastValueOfEveryKeyAndATombstoneForgets() {
    List<Map<String, String>> written = new ArrayList<>();
    KeyedJournal journal =
        new KeyedJournal("test") {
          @Override
          void persist(Map<String, String> changes) {
            written.add(new LinkedHashMap<>(changes));
          }
        };
    journal.recordMoves(List.of(MOVE));
    journal.recordThrottles(List.of(BROKER));
    assertThat(journal.state().moves()).containsOnlyKeys(MOVE.topicPartition());
    assertThat(journal.state().throttles()).containsOnlyKeys(BROKER.resource());

    journal.clearMoves(List.of(MOVE.topicPartition(), new TopicPartition("never", 0)));
    journal.clearThrottles(List.of(BROKER.resource()));

    assertThat(journal.state().isEmpty()).isTrue();
    assertThat(written).hasSize(4);
    assertThat(written.get(2)).containsEntry("move/orders/3", null).hasSize(1);

    // replaying what was written gives the same (empty) state in a fresh journal
    KeyedJournal replay =
        new KeyedJournal("replay") {
          @Override
          void persist(Map<String, String> changes) {}
        };
    written.forEach(c -> c.forEach(replay::load));
    assertThat(replay.state().isEmpty()).isTrue();
  }

  @Test
  void aFailedWriteRecordsNothing() {
    KeyedJournal journal =
        new KeyedJournal("broken") {
          @Override
          void persist(Map<String, String> changes) {
            throw new IllegalStateException("disk full");
          }
        };
    assertThatThrownBy(() -> journal.recordMoves(List.of(MOVE))).hasMessage("disk full");
    assertThat(journal.state().isEmpty()).isTrue();
  }
}
