package dev.ballast.app.task.txn;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.EventKind;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.Requirements;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskContext;
import dev.ballast.app.task.chaos.Leadership;
import dev.ballast.app.task.chaos.TaskTopic;
import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.txn.LsoProbe;
import dev.ballast.workload.txn.TransactionLedger;
import dev.ballast.workload.txn.TransactionVerdict;
import dev.ballast.workload.txn.TransactionalConsumerAgent;
import dev.ballast.workload.txn.TransactionalProducerAgent;
import dev.ballast.workload.txn.TxnOutcome;
import dev.ballast.workload.txn.TxnProducerSettings;
import dev.ballast.workload.worker.ClientFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The {@code transactions} task: transactional producers commit and abort known transactions on a
 * topic while one broker is bounced, a consumer reads everything with the configured isolation
 * level, and the last stable offsets are sampled; the transaction checker's verdict is recorded for
 * {@link TransactionChecks}. The clients run on their own threads in this process (the {@code
 * Worker} interface has no transactional load yet).
 */
public final class TransactionsTask implements Task {

  private static final Duration LOOK_EVERY = Duration.ofMillis(250);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private enum Stage {
    RUN,
    CATCH_UP,
    DONE
  }

  private final TransactionsConfig config;
  private final TransactionLedger ledger = new TransactionLedger();
  private final List<AgentRunner> producers = new ArrayList<>();
  private final ClientFactory clients = ClientFactory.kafka();
  private TaskTopic topic;
  private AgentRunner consumer;
  private AgentRunner probe;
  private Stage stage = Stage.RUN;
  private long start = -1;
  private long catchUpStart;
  private int bounced = -1;
  private long bouncedAt;
  private boolean restarted;

  /** Creates a run with {@code config} (fields not given: the full defaults). */
  public TransactionsTask(TransactionsConfig config) {
    this.config = requireNonNull(config, "config").resolve(/* quick= */ false);
  }

  @Override
  public Requirements requirements() {
    Requirements r = Requirements.NONE.withMinBrokers(config.replicationFactor());
    return config.bounces() ? r.killingBrokers() : r;
  }

  @Override
  public Progress prepare(TaskContext context, long now) {
    if (topic == null) {
      topic =
          TaskTopic.create(
              context,
              "ballast-txn",
              config.partitions(),
              config.replicationFactor(),
              config.minInsyncReplicas());
    }
    if (!topic.ready(context, config.partitions())) {
      return Progress.again(LOOK_EVERY);
    }
    startClients(context, now);
    return Progress.DONE;
  }

  private void startClients(TaskContext context, long now) {
    Map<String, Object> base = new HashMap<>();
    context.cluster().client().toProperties().forEach((k, v) -> base.put(k.toString(), v));
    Map<String, Object> consumerConfig = new HashMap<>(base);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, config.isolation());
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, topic.name() + "-reader");
    consumer =
        AgentRunner.start(
            new TransactionalConsumerAgent(
                topic.name() + "-reader",
                clients.consumer(consumerConfig),
                topic.name(),
                config.partitions(),
                ledger),
            ParkingIdleStrategy.standard());
    probe =
        AgentRunner.start(
            new LsoProbe(
                topic.admin(),
                topic.name(),
                config.partitions(),
                ledger,
                context.clock(),
                Duration.ofSeconds(1).toNanos()),
            ParkingIdleStrategy.standard());
    for (int i = 0; i < config.producers(); i++) {
      Map<String, Object> p = new HashMap<>(base);
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic.name() + "-" + i);
      p.put(
          ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
      p.put(ProducerConfig.CLIENT_ID_CONFIG, topic.name() + "-producer-" + i);
      TxnProducerSettings settings =
          new TxnProducerSettings(
              i,
              topic.name(),
              config.partitions(),
              config.recordsPerTransaction(),
              config.transactionsPerSecond(),
              config.abortEvery(),
              config.valueBytes(),
              p);
      producers.add(
          AgentRunner.start(
              new TransactionalProducerAgent(
                  settings,
                  () -> clients.producer(settings.clientConfig()),
                  ledger,
                  context.clock(),
                  now),
              ParkingIdleStrategy.standard()));
    }
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    if (start < 0) {
      start = now;
    }
    switch (stage) {
      case RUN -> run(context, now);
      case CATCH_UP -> {
        if (caughtUp() || now - catchUpStart > config.drainLimit().toNanos()) {
          finish(context, caughtUp());
          stage = Stage.DONE;
        }
      }
      case DONE -> {}
    }
    return stage == Stage.DONE ? Progress.DONE : Progress.again(LOOK_EVERY);
  }

  private void run(TaskContext context, long now) {
    long elapsed = now - start;
    if (config.bounces() && bounced < 0 && elapsed >= config.bounceAfter().toNanos()) {
      bounced =
          Leadership.busiest(
              Leadership.leadersPerBroker(
                  topic.describe().orElse(List.of()), context.cluster().brokerIds()));
      bounced = bounced >= 0 ? bounced : context.cluster().brokerIds().get(0);
      context.event(EventKind.FAULT, Severity.INFO, config.bounce() + " broker " + bounced);
      if (config.bounce().equals("kill")) {
        context.cluster().killBroker(bounced);
      } else {
        context.cluster().stopBroker(bounced);
      }
      bouncedAt = now;
    }
    if (bounced >= 0 && !restarted && now - bouncedAt >= config.downFor().toNanos()) {
      context.event(EventKind.FAULT, Severity.INFO, "restart broker " + bounced);
      context.cluster().restartBroker(bounced);
      restarted = true;
    }
    boolean bounceOver = !config.bounces() || restarted;
    if (elapsed >= config.duration().toNanos() && bounceOver) {
      stopAll(producers);
      catchUpStart = context.clock().nanoTime();
      stage = Stage.CATCH_UP;
    }
  }

  /** Returns whether the consumer has reached every partition's readable end. */
  private boolean caughtUp() {
    IsolationLevel level =
        config.isolation().equals("read_committed")
            ? IsolationLevel.READ_COMMITTED
            : IsolationLevel.READ_UNCOMMITTED;
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (int p = 0; p < config.partitions(); p++) {
      specs.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
    }
    try {
      Map<Integer, Long> ends = new HashMap<>();
      topic
          .admin()
          .listOffsets(specs, new ListOffsetsOptions(level).timeoutMs(5_000))
          .all()
          .get(6, java.util.concurrent.TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
      return ((TransactionalConsumerAgent) consumer.agent()).caughtUp(ends);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void finish(TaskContext context, boolean caughtUp) {
    stopAll(List.of(consumer, probe));
    long hangingAfter = config.transactionTimeout().plus(config.hangingGrace()).toNanos();
    TransactionVerdict verdict = ledger.verdict(hangingAfter);
    context.record(
        TxnRun.KEY,
        new TxnRun(verdict, config.isolation(), caughtUp, ledger.errors(), ledger.lastError()));
    context.note(verdict.describe());
    double seconds = Math.max(1e-9, (catchUpStart - start) / 1e9);
    context.figure(
        new Figure("committed-txn-per-s", ledger.count(TxnOutcome.COMMITTED) / seconds, "1/s"));
  }

  private static void stopAll(List<AgentRunner> runners) {
    runners.stream().filter(r -> r != null).forEach(AgentRunner::requestStop);
    for (AgentRunner r : runners) {
      if (r != null && !r.stop(STOP_WAIT)) {
        r.close();
      }
    }
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    stopAll(producers);
    List<AgentRunner> readers = new ArrayList<>();
    readers.add(consumer);
    readers.add(probe);
    stopAll(readers);
    if (bounced >= 0 && context.cluster().isDown(bounced)) {
      context.cluster().restartBroker(bounced);
    }
    if (topic != null) {
      topic.deleteAndClose();
      topic = null;
    }
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return TransactionChecks.all();
  }
}
