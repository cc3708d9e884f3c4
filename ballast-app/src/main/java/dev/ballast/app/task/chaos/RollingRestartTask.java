package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.EventKind;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.Requirements;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskContext;
import dev.ballast.app.task.builtin.Continuity;
import dev.ballast.app.task.builtin.ContinuityCheck;
import dev.ballast.kafka.ClusterDescription.Partition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rolling-restart} task: what every upgrade does. Under steady {@code acks=all} load,
 * each broker in turn is stopped with a controlled shutdown and started again; the next one waits
 * until the previous is back in every ISR. It records each broker's time from stop to in sync, the
 * load's continuity, errors and p99, and how leadership came back even.
 */
public final class RollingRestartTask implements Task {

  private static final Duration LOOK_EVERY = Duration.ofMillis(250);
  private static final double SLOW_MILLIS = 250;

  private enum Stage {
    NEXT,
    START,
    REJOIN,
    PAUSE,
    BALANCE,
    DRAIN,
    DONE
  }

  private final RollingRestartConfig config;
  private final boolean externalBalancer;
  private final List<Observed.Restart> restarts = new ArrayList<>();
  private final Map<Integer, Long> stoppedNanos = new HashMap<>();
  private List<Integer> order;
  private TaskTopic topic;
  private SteadyLoad load;
  private Stage stage = Stage.NEXT;
  private long phaseStart = -1;
  private long pauseStart;
  private Observed.Restart current;
  private BalanceWatch balance;

  /**
   * Creates a run with {@code config}; {@code externalBalancer}: another balancer evens leaders.
   */
  public RollingRestartTask(RollingRestartConfig config, boolean externalBalancer) {
    this.config = requireNonNull(config, "config").resolve(/* quick= */ false);
    this.externalBalancer = externalBalancer;
  }

  @Override
  public Requirements requirements() {
    return Requirements.NONE.withMinBrokers(config.replicationFactor()).killingBrokers();
  }

  @Override
  public Progress prepare(TaskContext context, long now) {
    if (topic == null) {
      topic =
          TaskTopic.create(
              context,
              "ballast-rolling",
              config.partitions(),
              config.replicationFactor(),
              config.minInsyncReplicas());
    }
    if (!topic.ready(context, config.partitions())) {
      return Progress.again(LOOK_EVERY);
    }
    order = List.copyOf(context.cluster().brokerIds());
    load = new SteadyLoad(context.newWorker(), topic.name(), config.messagesPerSecond());
    load.start(context.cluster().client(), 2, config.messageBytes(), context.runId() << 8, now);
    return Progress.DONE;
  }

  @Override
  public Progress warmUp(TaskContext context, long now) {
    if (phaseStart < 0) {
      phaseStart = now;
    }
    load.sample(now);
    if (now - phaseStart < config.warmUp().toNanos()) {
      return Progress.again(load.nanosUntilSample(now));
    }
    load.endWarmup();
    return Progress.DONE;
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    load.sample(now);
    switch (stage) {
      case NEXT -> stopNext(context);
      case START -> startStopped(context);
      case REJOIN -> watchRejoin(context, now);
      case PAUSE -> {
        if (now - pauseStart >= config.between().toNanos()) {
          stage = Stage.NEXT;
        }
      }
      case BALANCE -> {
        if (balance.step(now)) {
          stage = Stage.DRAIN;
        }
      }
      case DRAIN -> {
        if (load.drainStep(now, config.drainLimit())) {
          context.record(Observed.BALANCE, balance.result());
          context.record(Observed.LOAD, load.result());
          context.record(Continuity.KEY, load.continuity());
          context.figure(new Figure("produce-p99-ms", load.result().p99Millis(), "ms"));
          perBroker(context, now);
          stage = Stage.DONE;
        }
      }
      case DONE -> {}
    }
    return stage == Stage.DONE ? Progress.DONE : Progress.again(LOOK_EVERY);
  }

  /** Figures and notes of the produce latency around each broker's restart. */
  private void perBroker(TaskContext context, long now) {
    List<RestartLatency.Span> spans =
        RestartLatency.calculate(restarts, load.latencies(), now, SLOW_MILLIS);
    for (int i = 0; i < spans.size(); i++) {
      RestartLatency.Span span = spans.get(i);
      context.figure(new Figure("produce-p99-ms-broker-" + span.broker(), span.worstP99(), "ms"));
      Observed.Restart r = restarts.get(i);
      context.note(RestartLatency.describe(span, r, stoppedNanos.getOrDefault(r.broker(), -1L)));
    }
  }

  private void stopNext(TaskContext context) {
    if (restarts.size() == order.size()) {
      balance =
          new BalanceWatch(topic, config.partitions(), externalBalancer, config.balanceLimit());
      stage = Stage.BALANCE;
      return;
    }
    int broker = order.get(restarts.size());
    context.event(EventKind.FAULT, Severity.INFO, "controlled shutdown of broker " + broker);
    long stopNanos = context.clock().nanoTime();
    current = new Observed.Restart(broker, stopNanos, -1, -1);
    context.cluster().stopBroker(broker);
    stoppedNanos.put(broker, context.clock().nanoTime());
    // The start is the next step: the load is sampled in between, so the latency of the shutdown
    // and that of the time down and the start are told apart.
    stage = Stage.START;
  }

  private void startStopped(TaskContext context) {
    int broker = current.broker();
    context.event(EventKind.FAULT, Severity.INFO, "start broker " + broker);
    context.cluster().restartBroker(broker);
    current = new Observed.Restart(broker, current.stopNanos(), context.clock().nanoTime(), -1);
    stage = Stage.REJOIN;
  }

  private void watchRejoin(TaskContext context, long now) {
    Optional<List<Partition>> partitions = topic.describe();
    boolean inSync =
        partitions.isPresent() && Leadership.inEveryIsr(partitions.get(), current.broker());
    if (!inSync && now - current.stopNanos() <= config.isrLimit().toNanos()) {
      return;
    }
    current =
        new Observed.Restart(
            current.broker(), current.stopNanos(), current.restartNanos(), inSync ? now : -1);
    restarts.add(current);
    context.record(Observed.ROLLING, new Observed.Rolling(order, restarts));
    if (inSync) {
      context.figure(new Figure("restart-s-broker-" + current.broker(), current.seconds(), "s"));
      context.note(
          String.format(
              "broker %d back in every ISR %.1f s after its stop",
              current.broker(), current.seconds()));
    }
    current = null;
    pauseStart = now;
    stage = Stage.PAUSE;
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    if (load != null) {
      load.abandon();
    }
    if (current != null && context.cluster().isDown(current.broker())) {
      context.cluster().restartBroker(current.broker());
    }
    if (topic != null) {
      topic.deleteAndClose();
      topic = null;
    }
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return List.of(
        new ContinuityCheck(),
        FaultChecks.produceHealth(config.maxProduceErrors(), config.maxP99()),
        FaultChecks.rollingRecovery(config.isrLimit()),
        FaultChecks.leaderBalance(config.balanceLimit(), /* needsSkew= */ false));
  }
}
