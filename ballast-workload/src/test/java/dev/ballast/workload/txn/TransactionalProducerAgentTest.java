package dev.ballast.workload.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The producer agent's bookkeeping on Kafka's own in-memory producer; the IT runs it for real. */
class TransactionalProducerAgentTest {

  private static final long S = 1_000_000_000L;

  private long now;
  private final TransactionLedger ledger = new TransactionLedger();
  private final List<MockProducer<byte[], byte[]>> created = new ArrayList<>();

  private TransactionalProducerAgent agent(int abortEvery) {
    TxnProducerSettings settings =
        new TxnProducerSettings(
            7, "t", 3, 4, 1.0, abortEvery, 10, Map.of("transactional.id", "tx-7"));
    return new TransactionalProducerAgent(
        settings,
        () -> {
          MockProducer<byte[], byte[]> p =
              new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
          created.add(p);
          return p;
        },
        ledger,
        () -> now,
        0);
  }

  /** Runs steps until nothing is due at the current time. */
  private static void drain(TransactionalProducerAgent agent) {
    for (int i = 0; i < 10 && agent.doWork() > 0; i++) {}
  }

  @Test
  void everyThirdTransactionIsAbortedAndEveryOutcomeIsRecorded() {
    TransactionalProducerAgent agent = agent(3);
    for (int second = 0; second < 6; second++) {
      now = second * S;
      drain(agent);
    }
    assertThat(ledger.produced())
        .extracting(ProducedTransaction::outcome)
        .containsExactly(
            TxnOutcome.COMMITTED,
            TxnOutcome.COMMITTED,
            TxnOutcome.ABORTED,
            TxnOutcome.COMMITTED,
            TxnOutcome.COMMITTED,
            TxnOutcome.ABORTED);
    assertThat(ledger.produced().get(0).partitions()).containsExactly(0, 1, 2, 0);
    MockProducer<byte[], byte[]> producer = created.get(0);
    // the mock keeps what was committed: 4 of the 6 transactions, 4 records each
    assertThat(producer.history()).hasSize(4 * 4);
    assertThat(TxnStamp.read(producer.history().get(5).headers(), 1, 9))
        .isEqualTo(new TxnRead(new TxnId(7, 1), 1, 1, 9));
  }

  @Test
  void aCommitThatTimesOutIsRetriedNotAborted() {
    TransactionalProducerAgent agent = agent(0);
    agent.doWork(); // initTransactions
    created.get(0).commitTransactionException = new TimeoutException("coordinator away");
    agent.doWork();
    assertThat(ledger.produced()).isEmpty();
    assertThat(ledger.errors()).isEqualTo(1);
    created.get(0).commitTransactionException = null;
    agent.doWork();
    assertThat(ledger.produced())
        .extracting(ProducedTransaction::outcome)
        .containsExactly(TxnOutcome.COMMITTED);
  }

  @Test
  void aFencedProducerEndsItsTransactionUnknownAndIsReplaced() {
    TransactionalProducerAgent agent = agent(0);
    agent.doWork();
    created.get(0).commitTransactionException = new ProducerFencedException("fenced");
    created.get(0).abortTransactionException = new ProducerFencedException("fenced");
    agent.doWork();
    assertThat(ledger.produced())
        .extracting(ProducedTransaction::outcome)
        .containsExactly(TxnOutcome.UNKNOWN);
    assertThat(created).hasSize(2);
    now = S;
    drain(agent);
    assertThat(ledger.produced())
        .extracting(ProducedTransaction::outcome)
        .containsExactly(TxnOutcome.UNKNOWN, TxnOutcome.COMMITTED);
  }

  @Test
  void aFailedCommitIsAbortedAndRecordedAsAborted() {
    TransactionalProducerAgent agent = agent(0);
    agent.doWork();
    created.get(0).commitTransactionException =
        new org.apache.kafka.common.KafkaException("send failed");
    agent.doWork();
    assertThat(ledger.produced())
        .extracting(ProducedTransaction::outcome)
        .containsExactly(TxnOutcome.ABORTED);
    assertThat(created).hasSize(1);
  }
}
