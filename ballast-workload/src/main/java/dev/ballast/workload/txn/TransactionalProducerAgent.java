package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Runs known transactions at a steady rate: each one sends its records over the topic's partitions
 * and is committed, or aborted when the settings say so, and its outcome goes to the ledger. A
 * commit or abort that times out is retried (the client allows it); an error that leaves the
 * producer unusable ends the transaction as {@link TxnOutcome#UNKNOWN} and a new producer (same
 * transactional id, so the old one is fenced) takes over.
 */
public final class TransactionalProducerAgent implements Agent {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private static final long RETRY_NANOS = 100_000_000L;

  private final TxnProducerSettings settings;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private final TransactionLedger ledger;
  private final NanoClock clock;
  private final long intervalNanos;
  private final byte[] value;
  private Producer<byte[], byte[]> producer;
  private boolean initialized;
  private long nextDueNanos;
  private long sequence;
  private Open open;

  /** A transaction begun and not yet ended: its records' partitions and whether to commit it. */
  private record Open(TxnId id, List<Integer> partitions, boolean commit) {}

  /**
   * Creates an agent whose first transaction is due at {@code startNanos}; {@code producers}
   * creates a producer with the settings' client config (again after a fatal error).
   */
  public TransactionalProducerAgent(
      TxnProducerSettings settings,
      Supplier<Producer<byte[], byte[]>> producers,
      TransactionLedger ledger,
      NanoClock clock,
      long startNanos) {
    this.settings = requireNonNull(settings, "settings");
    this.producers = requireNonNull(producers, "producers");
    this.ledger = requireNonNull(ledger, "ledger");
    this.clock = requireNonNull(clock, "clock");
    this.intervalNanos = Math.max(1, (long) (1e9 / settings.transactionsPerSecond()));
    this.value = new byte[settings.valueBytes()];
    this.nextDueNanos = startNanos;
    this.producer = producers.get();
  }

  @Override
  public int doWork() {
    if (!initialized) {
      return initialize();
    }
    if (open != null) {
      end(open);
      return 1;
    }
    if (clock.nanoTime() < nextDueNanos) {
      return 0;
    }
    nextDueNanos += intervalNanos;
    begin();
    if (open != null) {
      end(open);
    }
    return 1;
  }

  private int initialize() {
    try {
      producer.initTransactions();
      initialized = true;
      return 1;
    } catch (TimeoutException e) {
      ledger.error("initTransactions timed out: " + e.getMessage());
      return 0;
    } catch (RuntimeException e) {
      ledger.error("initTransactions failed: " + e);
      replaceProducer();
      return 0;
    }
  }

  private void begin() {
    TxnId id = new TxnId(settings.producerId(), sequence++);
    int size = settings.recordsPerTransaction();
    List<Integer> partitions = new ArrayList<>(size);
    try {
      producer.beginTransaction();
    } catch (RuntimeException e) {
      ledger.error("beginTransaction failed: " + e);
      replaceProducer();
      return;
    }
    boolean commit = !settings.abortsOnPurpose(id.sequence());
    try {
      for (int i = 0; i < size; i++) {
        int partition = (int) ((id.sequence() * size + i) % settings.partitions());
        Header header = TxnStamp.header(id, i, size);
        producer.send(
            new ProducerRecord<>(
                settings.topic(),
                partition,
                null,
                null,
                value,
                new RecordHeaders(new Header[] {header})));
        partitions.add(partition);
      }
    } catch (RuntimeException e) {
      ledger.error("send in " + id + " failed: " + e);
      commit = false;
    }
    if (partitions.isEmpty()) {
      partitions.add(0); // nothing was sent; recorded as one record that must never be read
    }
    open = new Open(id, partitions, commit);
  }

  /** Commits or aborts {@code txn}; a timeout leaves it open, to be retried at the next step. */
  private void end(Open txn) {
    try {
      if (txn.commit()) {
        producer.commitTransaction();
        finish(txn, TxnOutcome.COMMITTED);
      } else {
        // Without a flush the client drops unsent records on abort and the log never holds them:
        // the abort would prove nothing about what readers are shown.
        producer.flush();
        producer.abortTransaction();
        finish(txn, TxnOutcome.ABORTED);
      }
    } catch (TimeoutException e) {
      ledger.error((txn.commit() ? "commit" : "abort") + " of " + txn.id() + " timed out");
    } catch (RuntimeException e) {
      if (txn.commit()) {
        ledger.error("commit of " + txn.id() + " failed, aborting it: " + e);
        open = new Open(txn.id(), txn.partitions(), false);
        abortAfterFailedCommit(open);
      } else {
        ledger.error("abort of " + txn.id() + " failed: " + e);
        finish(txn, TxnOutcome.UNKNOWN);
        replaceProducer();
      }
    }
  }

  private void abortAfterFailedCommit(Open txn) {
    try {
      producer.abortTransaction();
      finish(txn, TxnOutcome.ABORTED);
    } catch (TimeoutException e) {
      ledger.error("abort of " + txn.id() + " timed out");
    } catch (RuntimeException e) {
      ledger.error("abort of " + txn.id() + " failed: " + e);
      finish(txn, TxnOutcome.UNKNOWN);
      replaceProducer();
    }
  }

  private void finish(Open txn, TxnOutcome outcome) {
    ledger.produced(new ProducedTransaction(txn.id(), settings.topic(), txn.partitions(), outcome));
    open = null;
  }

  private void replaceProducer() {
    try {
      producer.close(Duration.ZERO);
    } catch (RuntimeException e) {
      // the old producer is unusable anyway; the new one fences it
    }
    producer = producers.get();
    initialized = false;
  }

  @Override
  public long nanosUntilWork() {
    if (!initialized) {
      return RETRY_NANOS; // initTransactions failed at once: do not spin on it
    }
    return open != null ? 0 : Math.max(0, nextDueNanos - clock.nanoTime());
  }

  /** Ends the open transaction if there is one (unknown if that fails), then closes the client. */
  @Override
  public void onClose() {
    if (open != null && initialized) {
      end(open);
    }
    if (open != null) {
      finish(open, TxnOutcome.UNKNOWN);
    }
    producer.close(CLOSE_TIMEOUT);
  }

  @Override
  public String roleName() {
    return "txn-producer-" + settings.producerId();
  }

  /** Returns how many transactions this agent has begun. */
  public long begun() {
    return sequence;
  }
}
