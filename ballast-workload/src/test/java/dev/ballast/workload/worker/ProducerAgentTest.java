package dev.ballast.workload.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.workload.continuity.AckLedger;
import dev.ballast.workload.continuity.IntervalSet;
import dev.ballast.workload.continuity.StreamId;
import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.message.MessageStamp;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ProducerAgentTest {

  private static final long ID = 0x5EED;

  private long now;

  /** Each value as it was when sent (the agent reuses its value array, as the client copies it). */
  private final List<byte[]> sentValues = new ArrayList<>();

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(
          /* autoComplete= */ false,
          (Partitioner) null,
          new ByteArraySerializer(),
          new ByteArraySerializer()) {
        @Override
        public synchronized Future<RecordMetadata> send(
            ProducerRecord<byte[], byte[]> record, Callback callback) {
          sentValues.add(record.value().clone());
          return super.send(record, callback);
        }
      };
  private final LoadMetrics metrics = new LoadMetrics();
  private final AckLedger ledger = new AckLedger(ID);

  private ProducerAgent agent(RateShape shape, List<Long> weights) {
    return agent(shape, weights, 10);
  }

  private ProducerAgent agent(RateShape shape, List<Long> weights, int messageBytes) {
    ProducerAssignment assignment =
        new ProducerAssignment(
            ID,
            "p0",
            "t",
            shape,
            RateUnit.MESSAGES,
            MessageSizeSpec.fixed(messageBytes),
            KeyKind.NONE,
            1,
            0,
            weights,
            Map.of("batch.size", "120")); // (120 - 61) / (10 + 45) = runs of 1 message
    return new ProducerAgent(assignment, producer, 3, metrics, ledger, () -> now, 0);
  }

  @Test
  void sendsOnlyWhatIsDueAndStampsEveryMessage() {
    ProducerAgent agent = agent(RateShape.constant(1_000), List.of());

    assertThat(agent.doWork()).isEqualTo(1); // message 0 is due at 0
    now = 2_500_000;
    assertThat(agent.doWork()).isEqualTo(2); // 1 ms and 2 ms
    assertThat(agent.nanosUntilWork()).isEqualTo(500_000);

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    assertThat(sent).hasSize(3);
    MessageStamp stamp = new MessageStamp();
    for (int i = 0; i < 3; i++) {
      ProducerRecord<byte[], byte[]> record = sent.get(i);
      assertThat(record.partition()).isEqualTo(i); // round-robin, one message per run
      assertThat(record.value()).hasSize(10);
      assertThat(stamp.read(record.headers())).isTrue();
      assertThat(stamp.producerId()).isEqualTo(ID);
      assertThat(stamp.sequence()).isZero(); // first message of each partition
    }
    // Schedule delay: 0 for the first, then 1.5 ms and 0.5 ms late.
    assertThat(metrics.scheduleDelay.cumulative().getMaxValue()).isBetween(1_499_000L, 1_501_000L);
  }

  @Test
  void aValueLargeEnoughCarriesTheStampItselfAndNoHeader() {
    ProducerAgent agent = agent(RateShape.constant(1_000), List.of(), 100);
    now = 1_000_000;
    assertThat(agent.doWork()).isEqualTo(2); // 0 ms and 1 ms

    List<ProducerRecord<byte[], byte[]>> sent = producer.history();
    MessageStamp stamp = new MessageStamp();
    for (int i = 0; i < 2; i++) {
      assertThat(sent.get(i).headers().toArray()).isEmpty();
      assertThat(sentValues.get(i)).hasSize(100);
      assertThat(stamp.read(sentValues.get(i), sent.get(i).headers())).isTrue();
      assertThat(stamp.producerId()).isEqualTo(ID);
      assertThat(stamp.sequence()).isZero(); // partitions 0 and 1, runs of one message
      assertThat(stamp.sendNanos()).isEqualTo(1_000_000);
    }
  }

  @Test
  void aRateChangeAppliesFromTheNextMessage() {
    ProducerAgent agent = agent(RateShape.constant(1_000), List.of());
    now = 2_000_000;
    assertThat(agent.doWork()).isEqualTo(3); // 0, 1 and 2 ms
    agent.scaleRate(0.25); // 250/s: one message every 4 ms, from the next one (due at 3 ms)
    now = 10_000_000;
    assertThat(agent.doWork()).isEqualTo(2); // 3 ms and 7 ms
    assertThat(agent.nanosUntilWork()).isEqualTo(1_000_000); // next at 11 ms
    agent.scaleRate(1);
    now = 14_000_000;
    assertThat(agent.doWork()).isEqualTo(4); // 11, 12, 13 and 14 ms
  }

  @Test
  void onlyAConstantRateCanBeChanged() {
    ProducerAgent agent =
        agent(RateShape.ramp(10, 100, java.time.Duration.ofSeconds(1)), List.of());
    assertThatThrownBy(() -> agent.scaleRate(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> agent(RateShape.constant(10), List.of()).scaleRate(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void latencyCountsFromTheIntendedTimeNotTheSend() {
    ProducerAgent agent = agent(RateShape.constant(1_000), List.of());
    now = 10_000_000; // the sender was stalled 10 ms: eleven messages are due
    agent.doWork();
    now = 11_000_000;
    producer.completeNext(); // message 0, intended at 0, sent at 10 ms, acked at 11 ms

    assertThat(metrics.intended.cumulative().getMaxValue()).isBetween(10_990_000L, 11_010_000L);
    assertThat(metrics.send.cumulative().getMaxValue()).isBetween(999_000L, 1_001_000L);
    assertThat(ledger.ackedCount()).isEqualTo(1);
  }

  @Test
  void ledgerHoldsAckedSequencesPerPartitionAndCountsFailures() {
    ProducerAgent agent = agent(RateShape.unlimited(), List.of(1L, 0L, 0L));
    agent.doWork(); // unlimited: a full step of messages, all to partition 0 (weight 1, 0, 0)
    long sent = producer.history().size();
    producer.errorNext(new RuntimeException("boom"));
    while (producer.completeNext()) {
      // complete the rest
    }

    assertThat(sent).isEqualTo(1_000);
    assertThat(ledger.produced()).isEqualTo(1_000);
    assertThat(ledger.failedCount()).isEqualTo(1);
    assertThat(ledger.ackedStreams())
        .containsExactly(Map.entry(new StreamId(ID, "t", 0), IntervalSet.ofRange(1, 999)));
    assertThat(metrics.scheduleDelay.cumulative().getTotalCount()).isZero();
    assertThat(metrics.send.cumulative().getTotalCount()).isZero(); // the same as intended here
    assertThat(metrics.intended.cumulative().getTotalCount()).isEqualTo(999);
  }
}
