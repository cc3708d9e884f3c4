package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.IdleStrategy;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.continuity.AckLedger;
import dev.ballast.workload.continuity.ContinuityChecker;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Runs producers and consumers in this JVM, one thread each. Each consumer group shares one
 * continuity checker, so partitions moving between its consumers keep one history.
 */
public final class LocalWorker implements Worker {

  private final ClientFactory clients;
  private final NanoClock clock;
  private final IdleStrategy idle;
  private final LoadMetrics metrics = new LoadMetrics();
  private final List<AgentRunner> producers = new ArrayList<>();
  private final List<ProducerAgent> producerAgents = new ArrayList<>();
  private final List<AckLedger> ledgers = new ArrayList<>();
  private final Map<Long, String> producerTopics = new HashMap<>();
  private final List<Group> groups = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private long lastPeriodNanos;
  private long lastSent;
  private long lastAcked;
  private long lastAckedBytes;
  private long lastFailed;
  private long lastConsumed;

  /** Creates a worker that makes clients with {@code clients} and reads time from {@code clock}. */
  public LocalWorker(ClientFactory clients, NanoClock clock, IdleStrategy idle) {
    this.clients = requireNonNull(clients, "clients");
    this.clock = requireNonNull(clock, "clock");
    this.idle = requireNonNull(idle, "idle");
    this.lastPeriodNanos = clock.nanoTime();
  }

  /** Returns a worker with real Kafka clients and the system clock. */
  public static LocalWorker create() {
    return new LocalWorker(ClientFactory.kafka(), NanoClock.SYSTEM, ParkingIdleStrategy.standard());
  }

  private record Group(
      String group,
      String topic,
      List<AgentRunner> runners,
      ContinuityChecker checker,
      GroupProgress progress) {}

  @Override
  public synchronized void startConsumerGroup(List<ConsumerAssignment> consumers, boolean catchUp) {
    if (consumers.isEmpty()) {
      throw new IllegalArgumentException("a consumer group needs at least one consumer");
    }
    String topic = consumers.get(0).topic();
    String group = consumers.get(0).group();
    ContinuityChecker checker = new ContinuityChecker();
    GroupProgress progress = new GroupProgress();
    if (catchUp) {
      progress.startCatchUp(ackedOn(topic), clock.nanoTime());
    }
    List<AgentRunner> runners = new ArrayList<>();
    for (ConsumerAssignment c : consumers) {
      Map<String, Object> config = new HashMap<>(c.clientConfig());
      config.put(ConsumerConfig.GROUP_ID_CONFIG, c.group());
      config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, c.name());
      ConsumerAgent agent =
          new ConsumerAgent(c, clients.consumer(config), checker, metrics, progress, clock);
      runners.add(AgentRunner.start(agent, idle));
    }
    groups.add(new Group(group, topic, runners, checker, progress));
  }

  private long ackedOn(String topic) {
    long acked = 0;
    for (AckLedger ledger : ledgers) {
      if (topic.equals(producerTopics.get(ledger.producerId()))) {
        acked += ledger.ackedCount();
      }
    }
    return acked;
  }

  @Override
  public synchronized void startProducers(List<ProducerAssignment> assignments) {
    // Connect every client first, then start all schedules at one instant, so that the run's
    // clock and the schedules agree on when sending began.
    List<Producer<byte[], byte[]>> created = new ArrayList<>();
    List<Integer> partitions = new ArrayList<>();
    try {
      for (ProducerAssignment a : assignments) {
        Map<String, Object> config = new HashMap<>(a.clientConfig());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, a.name());
        Producer<byte[], byte[]> producer = clients.producer(config);
        created.add(producer);
        partitions.add(producer.partitionsFor(a.topic()).size());
      }
    } catch (RuntimeException e) {
      created.forEach(p -> p.close(Duration.ofSeconds(5)));
      throw new IllegalStateException(
          "cannot start producers (reading topic partitions): " + e.getMessage(), e);
    }
    long start = clock.nanoTime();
    for (int i = 0; i < assignments.size(); i++) {
      ProducerAssignment a = assignments.get(i);
      AckLedger ledger = new AckLedger(a.producerId());
      ProducerAgent agent =
          new ProducerAgent(a, created.get(i), partitions.get(i), metrics, ledger, clock, start);
      ledgers.add(ledger);
      producerTopics.put(a.producerId(), a.topic());
      producerAgents.add(agent);
      producers.add(AgentRunner.start(agent, idle));
    }
  }

  @Override
  public synchronized void scaleProducerRates(double factor) {
    producerAgents.forEach(a -> a.scaleRate(factor));
  }

  @Override
  public synchronized PeriodStats periodStats() {
    long now = clock.nanoTime();
    long sent = metrics.sent.sum();
    long acked = metrics.acked.sum();
    long ackedBytes = metrics.ackedBytes.sum();
    long failed = metrics.failed.sum();
    long consumed = metrics.consumed.sum();
    PeriodStats stats =
        new PeriodStats(
            now - lastPeriodNanos,
            sent - lastSent,
            acked - lastAcked,
            ackedBytes - lastAckedBytes,
            failed - lastFailed,
            consumed - lastConsumed,
            metrics.intended.takeInterval(LatencySummary::of),
            metrics.send.takeInterval(LatencySummary::of),
            metrics.scheduleDelay.takeInterval(LatencySummary::of),
            metrics.endToEnd.takeInterval(LatencySummary::of));
    lastPeriodNanos = now;
    lastSent = sent;
    lastAcked = acked;
    lastAckedBytes = ackedBytes;
    lastFailed = failed;
    lastConsumed = consumed;
    collectErrors();
    return stats;
  }

  @Override
  public WorkerTotals totals() {
    return new WorkerTotals(
        metrics.sent.sum(),
        metrics.acked.sum(),
        metrics.failed.sum(),
        metrics.consumed.sum(),
        metrics.ackedBytes.sum());
  }

  @Override
  public void endWarmup() {
    metrics.resetLatencies();
  }

  @Override
  public synchronized void stopProducers() {
    stopAll(producers);
    collectErrors();
  }

  /** Stops every runner: all are asked first, so their clients close in parallel. */
  private static void stopAll(List<AgentRunner> runners) {
    runners.forEach(AgentRunner::requestStop);
    for (AgentRunner runner : runners) {
      runner.stop(Duration.ofSeconds(60));
    }
  }

  /** Stops every consumer (after the producers, for a remote worker's final report). */
  public synchronized void stopConsumers() {
    List<AgentRunner> consumers = new ArrayList<>();
    groups.forEach(g -> consumers.addAll(g.runners()));
    stopAll(consumers);
    collectErrors();
  }

  @Override
  public synchronized boolean hasDrained() {
    for (Group g : groups) {
      if (!g.checker().hasConsumedAll(ledgersOn(g.topic()))) {
        return false;
      }
    }
    return true;
  }

  private List<AckLedger> ledgersOn(String topic) {
    return ledgers.stream().filter(l -> topic.equals(producerTopics.get(l.producerId()))).toList();
  }

  @Override
  public synchronized WorkerResult finish() {
    stopProducers();
    List<GroupResult> results = new ArrayList<>();
    List<AgentRunner> consumers = new ArrayList<>();
    groups.forEach(g -> consumers.addAll(g.runners()));
    stopAll(consumers);
    for (Group g : groups) {
      List<AckLedger> topicLedgers = ledgersOn(g.topic());
      long drain = g.progress().drainNanos();
      results.add(
          new GroupResult(
              g.group(),
              g.topic(),
              g.runners().size(),
              topicLedgers.isEmpty()
                  ? g.checker().verdictFromGaps()
                  : g.checker().verdict(topicLedgers),
              g.progress().backlog(),
              drain < 0 ? -1 : drain / 1e6));
    }
    collectErrors();
    if (metrics.foreign.sum() > 0) {
      errors.add(
          metrics.foreign.sum() + " consumed messages had no Ballast headers and were not checked");
    }
    return new WorkerResult(
        metrics.sent.sum(),
        metrics.acked.sum(),
        metrics.failed.sum(),
        metrics.ackedBytes.sum(),
        metrics.consumed.sum(),
        metrics.intended.cumulative(),
        metrics.send.cumulative(),
        metrics.scheduleDelay.cumulative(),
        metrics.endToEnd.cumulative(),
        results,
        errors);
  }

  private void collectErrors() {
    List<AgentRunner> all = new ArrayList<>(producers);
    groups.forEach(g -> all.addAll(g.runners()));
    for (AgentRunner runner : all) {
      Throwable t = runner.error();
      if (t != null) {
        String line = runner.agent().roleName() + " stopped: " + t;
        if (!errors.contains(line)) {
          errors.add(line);
        }
      }
    }
    String sendError = metrics.lastSendError.get();
    if (sendError != null) {
      String line = "last send error: " + sendError;
      errors.removeIf(e -> e.startsWith("last send error: "));
      errors.add(line);
    }
  }

  /** Returns the ledgers of every producer started so far (the objects, live). */
  public synchronized List<AckLedger> ledgers() {
    return List.copyOf(ledgers);
  }

  /** Returns every consumer group started so far with its continuity checker (live). */
  public synchronized List<ConsumerGroupState> consumerGroups() {
    return groups.stream()
        .map(g -> new ConsumerGroupState(g.group(), g.topic(), g.checker()))
        .toList();
  }

  /**
   * Applies {@code reader} to each latency histogram recorded since the previous take, in the order
   * intended, send, schedule delay, end to end, without copying them: a histogram is only valid
   * during its call (for a remote worker's report; do not mix with {@link #periodStats()}, which
   * takes the same intervals).
   */
  public <T> List<T> takeLatencyIntervals(Function<Histogram, T> reader) {
    return List.of(
        metrics.intended.takeInterval(reader),
        metrics.send.takeInterval(reader),
        metrics.scheduleDelay.takeInterval(reader),
        metrics.endToEnd.takeInterval(reader));
  }

  /** Returns the errors collected so far (agents stopped, the last send error). */
  public synchronized List<String> errors() {
    collectErrors();
    return List.copyOf(errors);
  }

  /** Returns the messages sent so far. */
  public long sent() {
    return metrics.sent.sum();
  }

  @Override
  public synchronized void close() {
    for (AgentRunner runner : producers) {
      runner.close();
    }
    for (Group g : groups) {
      g.runners().forEach(AgentRunner::close);
    }
  }
}
