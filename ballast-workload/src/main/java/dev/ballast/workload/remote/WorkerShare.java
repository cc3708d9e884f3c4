package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.remote.IntervalReport.Counters;
import dev.ballast.workload.worker.ConsumerAssignment;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.ProducerAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * One worker's share of the current run on a {@link LocalWorker}: starts the consumers and
 * producers its desired state names (each producer start is a new producer session with its own id,
 * so a restart or a resume never looks like duplicates), stops and resumes producers with the
 * phase, applies rate factors and warm-up ends. Consumers join their group as static members named
 * after the worker, so a replacement with the same id takes over their partitions at once.
 */
final class WorkerShare {

  /** Low bits of a producer id: the producer's number within its worker session. */
  private static final int COUNTER_BITS = 20;

  private final String workerId;
  private final long sessionId;
  private final Map<String, Object> clusterConfig;
  private final Supplier<LocalWorker> workers;
  private final ReportBuilder reports;
  private final Map<Long, String> producerTopics = new HashMap<>();
  private final Set<String> startedConsumers = new HashSet<>();
  private final Set<String> startedProducers = new HashSet<>();
  private final List<String> errors = new ArrayList<>();
  private final CounterHistory history = new CounterHistory(1200);
  private Counters atRequest;
  private LocalWorker run;
  private boolean producing;
  private double factor = 1;
  private int warmupGeneration;
  private long reportRequest;
  private long producerCounter;

  WorkerShare(
      String workerId,
      long sessionId,
      Map<String, Object> clusterConfig,
      Supplier<LocalWorker> workers) {
    this.workerId = requireNonNull(workerId, "workerId");
    this.sessionId = sessionId;
    this.clusterConfig = Map.copyOf(clusterConfig);
    this.workers = requireNonNull(workers, "workers");
    this.reports = new ReportBuilder(workerId, sessionId);
  }

  boolean isRunning() {
    return run != null;
  }

  boolean isProducing() {
    return producing;
  }

  int warmupGeneration() {
    return warmupGeneration;
  }

  List<String> errors() {
    return errors;
  }

  Map<Long, String> producerTopics() {
    return producerTopics;
  }

  void error(String line) {
    if (!errors.contains(line)) {
      errors.add(line);
    }
  }

  /** Makes the local worker match {@code d}; returns whether a report was requested. */
  boolean apply(DesiredState d) {
    if (run == null) {
      run = workers.get();
      history.add(System.currentTimeMillis(), ReportBuilder.counters(run.totals()));
      atRequest = null;
      warmupGeneration = d.warmupGeneration();
      reports.warmupEnded();
      reportRequest = d.reportRequest();
    }
    startConsumers(d.consumers());
    if (d.warmupGeneration() > warmupGeneration) {
      run.endWarmup();
      reports.warmupEnded();
      warmupGeneration = d.warmupGeneration();
    }
    if (d.phase() == RunPhase.RUNNING) {
      startProducers(d.producers(), d.rateFactor());
    } else {
      stopProducers();
    }
    if (producing && d.rateFactor() != factor) {
      scale(d.rateFactor());
    }
    boolean requested = d.reportRequest() > reportRequest;
    if (requested) {
      reportRequest = d.reportRequest();
      sample(System.currentTimeMillis());
      atRequest = history.at(d.reportAtMillis());
    }
    return requested;
  }

  private void startConsumers(List<ConsumerShare> consumers) {
    Map<String, List<ConsumerAssignment>> byGroup = new LinkedHashMap<>();
    Map<String, Boolean> catchUp = new HashMap<>();
    for (ConsumerShare c : consumers) {
      if (startedConsumers.add(c.name())) {
        Map<String, Object> config = new HashMap<>(c.clientConfig());
        config.putAll(clusterConfig);
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, workerId + "-" + c.name());
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        // Offsets are committed only on a rebalance and at the end: a worker killed between two
        // reports leaves its replacement to re-read (counted as re-reads), never to skip.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        byGroup
            .computeIfAbsent(c.group(), g -> new ArrayList<>())
            .add(new ConsumerAssignment(c.name(), c.topic(), c.group(), config));
        catchUp.put(c.group(), c.catchUp());
      }
    }
    byGroup.forEach(
        (group, list) -> {
          try {
            run.startConsumerGroup(list, catchUp.get(group));
          } catch (RuntimeException e) {
            error("cannot start consumer group " + group + ": " + e.getMessage());
          }
        });
  }

  private void startProducers(List<ProducerShare> producers, double rateFactor) {
    if (!producing) {
      startedProducers.clear(); // a resume: every producer starts again as a new session
    }
    List<ProducerAssignment> fresh = new ArrayList<>();
    for (ProducerShare p : producers) {
      if (startedProducers.add(p.name())) {
        long id = (sessionId << COUNTER_BITS) | (producerCounter++ & ((1L << COUNTER_BITS) - 1));
        Map<String, Object> config = new HashMap<>(p.clientConfig());
        config.putAll(clusterConfig);
        config.put("client.id", workerId + "-" + p.name() + "-" + Long.toHexString(id));
        fresh.add(
            new ProducerAssignment(
                id,
                p.name(),
                p.topic(),
                p.shape().toShape(),
                p.unit(),
                p.messageSize(),
                p.keys(),
                p.keyCount(),
                p.hotKeyFraction(),
                p.partitionWeights(),
                config));
        producerTopics.put(id, p.topic());
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    try {
      run.startProducers(fresh);
      producing = true;
      factor = 1;
      if (rateFactor != 1) {
        scale(rateFactor);
      }
    } catch (RuntimeException e) {
      error("cannot start producers: " + e.getMessage());
    }
  }

  private void scale(double newFactor) {
    try {
      run.scaleProducerRates(newFactor);
      factor = newFactor;
    } catch (RuntimeException e) {
      error("cannot change the rate: " + e.getMessage());
      factor = newFactor; // do not retry on every record
    }
  }

  /** Samples the counters at {@code wallMillis}, for answers about past instants. */
  void sample(long wallMillis) {
    if (run != null) {
      history.add(wallMillis, ReportBuilder.counters(run.totals()));
    }
  }

  /** Stops the producers (waiting for the cluster to acknowledge or fail what they sent). */
  void stopProducers() {
    if (producing) {
      run.stopProducers();
      producing = false;
    }
  }

  /** Stops producers, then consumers, before the final report. */
  void stopAll() {
    stopProducers();
    if (run != null) {
      run.stopConsumers();
    }
  }

  /** Returns the next report for run {@code epoch}. */
  IntervalReport report(long epoch, boolean finished) {
    List<String> all = new ArrayList<>(run.errors());
    all.addAll(errors);
    return reports.build(
        run, epoch, warmupGeneration, reportRequest, atRequest, finished, producerTopics, all);
  }

  /** Closes the local worker and forgets the run. */
  void close() {
    if (run != null) {
      run.close();
      run = null;
    }
    producing = false;
    factor = 1;
    startedConsumers.clear();
    startedProducers.clear();
    producerTopics.clear();
  }
}
