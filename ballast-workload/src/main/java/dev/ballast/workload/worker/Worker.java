package dev.ballast.workload.worker;

import java.util.List;

/**
 * Runs producers and consumers for a workload. The local worker runs them in this JVM; remote
 * workers (and a composite of several) will implement the same calls.
 */
public interface Worker extends AutoCloseable {

  /**
   * Starts a consumer group of {@code consumers} (all with the same topic and group). A catch-up
   * group records the backlog acknowledged so far and reports when it has read that many.
   */
  void startConsumerGroup(List<ConsumerAssignment> consumers, boolean catchUp);

  /** Starts {@code producers}; their schedules start now. */
  void startProducers(List<ProducerAssignment> producers);

  /** Returns what happened since the previous call (or since the start). */
  PeriodStats periodStats();

  /** Returns the running totals. */
  WorkerTotals totals();

  /**
   * Sets every producer's rate to {@code factor} times its configured constant rate (1 restores
   * it), from its next message on.
   */
  default void scaleProducerRates(double factor) {
    throw new UnsupportedOperationException("this worker cannot change rates while running");
  }

  /** Ends the warm-up: latencies recorded so far are discarded. */
  void endWarmup();

  /** Stops the producers after the cluster acknowledged (or failed) every message sent. */
  void stopProducers();

  /** Returns whether every consumer group has consumed every message acknowledged on its topic. */
  boolean hasDrained();

  /** Stops the consumers and returns the result. */
  WorkerResult finish();

  /** Stops everything still running and releases its clients. */
  @Override
  void close();
}
