package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every partition of a topic from the start (assigned, no group, so nothing is re-read by a
 * rebalance) and records each transactional record in the ledger. The consumer's {@code
 * isolation.level} decides what it may see: {@code read_committed} must never see an aborted
 * record.
 */
public final class TransactionalConsumerAgent implements Agent {

  private static final Duration POLL = Duration.ofMillis(100);

  private final Consumer<byte[], byte[]> consumer;
  private final TransactionLedger ledger;
  private final String name;
  private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
  private final List<TopicPartition> partitions = new ArrayList<>();

  /** Creates an agent reading {@code topic}'s {@code partitionCount} partitions from the start. */
  public TransactionalConsumerAgent(
      String name,
      Consumer<byte[], byte[]> consumer,
      String topic,
      int partitionCount,
      TransactionLedger ledger) {
    this.name = requireNonNull(name, "name");
    this.consumer = requireNonNull(consumer, "consumer");
    this.ledger = requireNonNull(ledger, "ledger");
    requireNonNull(topic, "topic");
    for (int p = 0; p < partitionCount; p++) {
      partitions.add(new TopicPartition(topic, p));
      positions.put(p, 0L);
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  @Override
  public int doWork() {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
    for (ConsumerRecord<byte[], byte[]> r : records) {
      TxnRead read = TxnStamp.read(r.headers(), r.partition(), r.offset());
      if (read != null) {
        ledger.read(read);
      }
    }
    for (TopicPartition tp : partitions) {
      try {
        positions.put(tp.partition(), consumer.position(tp, Duration.ZERO));
      } catch (RuntimeException e) {
        // position unknown while the partition's leader is away; the last one stands
      }
    }
    return records.count();
  }

  /** Returns whether this consumer's position is at or past {@code ends} on every partition. */
  public boolean caughtUp(Map<Integer, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  @Override
  public void onClose() {
    consumer.close(Duration.ofSeconds(5));
  }

  @Override
  public String roleName() {
    return name;
  }
}
