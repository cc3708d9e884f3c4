package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a transactional run produced and read, collected from the agents' threads: the finished
 * transactions, every transactional record read, and last-stable-offset samples.
 */
public final class TransactionLedger {

  private final ConcurrentLinkedQueue<ProducedTransaction> produced = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<TxnRead> read = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<LsoSample> lso = new ConcurrentLinkedQueue<>();
  private final AtomicLong errors = new AtomicLong();
  private volatile String lastError = "";

  /** Records a transaction that ended. */
  public void produced(ProducedTransaction transaction) {
    produced.add(requireNonNull(transaction, "transaction"));
  }

  /** Records a transactional record a consumer read. */
  public void read(TxnRead record) {
    read.add(requireNonNull(record, "record"));
  }

  /** Records a last-stable-offset sample. */
  public void lso(LsoSample sample) {
    lso.add(requireNonNull(sample, "sample"));
  }

  /** Records a client error a producer recovered from (a retried commit, a new producer). */
  public void error(String description) {
    errors.incrementAndGet();
    lastError = requireNonNull(description, "description");
  }

  /** Returns every transaction that ended so far. */
  public List<ProducedTransaction> produced() {
    return List.copyOf(produced);
  }

  /** Returns how many transactions ended with {@code outcome}. */
  public long count(TxnOutcome outcome) {
    return produced.stream().filter(t -> t.outcome() == outcome).count();
  }

  /** Returns every transactional record read so far. */
  public List<TxnRead> reads() {
    return List.copyOf(read);
  }

  /** Returns every last-stable-offset sample so far. */
  public List<LsoSample> lsoSamples() {
    return List.copyOf(lso);
  }

  /** Returns how many client errors the producers met. */
  public long errors() {
    return errors.get();
  }

  /** Returns the last client error, or an empty string. */
  public String lastError() {
    return lastError;
  }

  /** Returns the checker's verdict over everything recorded so far. */
  public TransactionVerdict verdict(long hangingAfterNanos) {
    return TransactionChecker.check(produced(), reads(), lsoSamples(), hangingAfterNanos);
  }
}
