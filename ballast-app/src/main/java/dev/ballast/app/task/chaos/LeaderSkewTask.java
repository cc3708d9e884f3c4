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
import dev.ballast.kafka.ClusterDescription.Partition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code leader-skew} task: a broker restarted with a controlled shutdown comes back leading
 * nothing, and a balancer must even leadership out again within the limit. With {@code --balancer
 * external} the task only watches, so it judges someone else's balancer (Kafka's own automatic
 * preferred-leader rebalancing, AutoMQ's); with Ballast's it asks for a preferred-leader election.
 */
public final class LeaderSkewTask implements Task {

  private static final Duration LOOK_EVERY = Duration.ofMillis(250);

  private enum Stage {
    SKEW,
    REJOIN,
    BALANCE,
    DONE
  }

  private final LeaderSkewConfig config;
  private final boolean externalBalancer;
  private TaskTopic topic;
  private Stage stage = Stage.SKEW;
  private int broker = -1;
  private long restartNanos;
  private boolean restarting;
  private BalanceWatch balance;

  /** Creates a run with {@code config}; {@code externalBalancer}: only watch, never elect. */
  public LeaderSkewTask(LeaderSkewConfig config, boolean externalBalancer) {
    this.config = requireNonNull(config, "config");
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
              context, "ballast-skew", config.partitions(), config.replicationFactor(), 1);
    }
    if (!topic.ready(context, config.partitions())) {
      return Progress.again(LOOK_EVERY);
    }
    List<Integer> ids = context.cluster().brokerIds();
    broker = config.broker() != null ? config.broker() : ids.get(ids.size() - 1);
    return Progress.DONE;
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    switch (stage) {
      case SKEW -> {
        context.event(EventKind.FAULT, Severity.INFO, "controlled shutdown of broker " + broker);
        restarting = true;
        context.cluster().stopBroker(broker);
        context.event(EventKind.FAULT, Severity.INFO, "start broker " + broker);
        context.cluster().restartBroker(broker);
        restarting = false;
        restartNanos = context.clock().nanoTime();
        stage = Stage.REJOIN;
      }
      case REJOIN -> {
        Optional<List<Partition>> partitions = topic.describe();
        boolean inSync = partitions.isPresent() && Leadership.inEveryIsr(partitions.get(), broker);
        if (inSync || now - restartNanos > config.isrLimit().toNanos()) {
          balance =
              new BalanceWatch(topic, config.partitions(), externalBalancer, config.balanceLimit());
          stage = Stage.BALANCE;
        }
      }
      case BALANCE -> {
        if (balance.step(now)) {
          Observed.Balance b = balance.result();
          context.record(Observed.BALANCE, b);
          if (b.balancedNanos() >= 0) {
            context.figure(
                new Figure("leader-balance-s", (b.balancedNanos() - b.skewNanos()) / 1e9, "s"));
          }
          stage = Stage.DONE;
        }
      }
      case DONE -> {}
    }
    return stage == Stage.DONE ? Progress.DONE : Progress.again(LOOK_EVERY);
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    if (broker >= 0 && (restarting || context.cluster().isDown(broker))) {
      context.cluster().restartBroker(broker);
    }
    if (topic != null) {
      topic.deleteAndClose();
      topic = null;
    }
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return List.of(FaultChecks.leaderBalance(config.balanceLimit(), /* needsSkew= */ true));
  }
}
