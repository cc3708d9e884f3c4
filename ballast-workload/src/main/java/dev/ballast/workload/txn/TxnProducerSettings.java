package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * One transactional producer's job: which topic, how many records per transaction, how often, and
 * which transactions to abort (every {@code abortEvery}-th: known in advance).
 *
 * @param producerId the producer's id, in every record's header
 * @param topic the topic
 * @param partitions the topic's partition count; a transaction's records go round-robin over them
 * @param recordsPerTransaction records in each transaction (>= 1)
 * @param transactionsPerSecond the target rate of transactions
 * @param abortEvery every this-th transaction is aborted on purpose (0: none)
 * @param valueBytes bytes of each record's value
 * @param clientConfig producer settings; must hold {@code transactional.id}
 */
public record TxnProducerSettings(
    long producerId,
    String topic,
    int partitions,
    int recordsPerTransaction,
    double transactionsPerSecond,
    int abortEvery,
    int valueBytes,
    Map<String, Object> clientConfig) {

  /** Validates and copies. */
  public TxnProducerSettings {
    requireNonNull(topic, "topic");
    clientConfig = Map.copyOf(requireNonNull(clientConfig, "clientConfig"));
    if (!clientConfig.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      throw new IllegalArgumentException("a transactional producer needs transactional.id");
    }
    if (partitions < 1 || recordsPerTransaction < 1 || valueBytes < 0 || abortEvery < 0) {
      throw new IllegalArgumentException(
          "partitions and records per transaction must be >= 1, abortEvery and valueBytes >= 0");
    }
    if (!(transactionsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "transactions per second must be > 0, got " + transactionsPerSecond);
    }
  }

  /** Returns whether transaction {@code sequence} is one to abort on purpose. */
  public boolean abortsOnPurpose(long sequence) {
    return abortEvery > 0 && sequence % abortEvery == abortEvery - 1;
  }
}
