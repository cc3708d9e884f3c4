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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code chaos} task: steady {@code acks=all} load on a topic of replication factor 3 and
 * {@code min.insync.replicas=2}; one broker killed with SIGKILL, restarted after a while. It
 * records when every partition was led by a live broker again, the throughput around the kill, when
 * the broker was back in every ISR, how leadership came back even, and the load's continuity.
 */
public final class ChaosTask implements Task {

  private static final Duration LOOK_EVERY = Duration.ofMillis(250);

  private enum Stage {
    BEFORE_KILL,
    DOWN,
    REJOIN,
    BALANCE,
    DRAIN,
    DONE
  }

  private final ChaosConfig config;
  private final boolean externalBalancer;
  private TaskTopic topic;
  private SteadyLoad load;
  private Stage stage = Stage.BEFORE_KILL;
  private long phaseStart = -1;
  private Observed.Fault fault;
  private BalanceWatch balance;
  private boolean balanced;

  /**
   * Creates a run with {@code config}; {@code externalBalancer}: another balancer evens leaders.
   */
  public ChaosTask(ChaosConfig config, boolean externalBalancer) {
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
              "ballast-chaos",
              config.partitions(),
              config.replicationFactor(),
              config.minInsyncReplicas());
      phaseStart = now;
    }
    if (!topic.ready(context, config.partitions())) {
      return Progress.again(LOOK_EVERY);
    }
    load = new SteadyLoad(context.newWorker(), topic.name(), config.messagesPerSecond());
    load.start(context.cluster().client(), 2, config.messageBytes(), context.runId() << 8, now);
    phaseStart = -1;
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
    phaseStart = -1;
    return Progress.DONE;
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    if (phaseStart < 0) {
      phaseStart = now;
    }
    load.sample(now);
    switch (stage) {
      case BEFORE_KILL -> {
        if (now - phaseStart >= config.beforeKill().toNanos()) {
          kill(context, now);
        }
      }
      case DOWN -> watchDown(context, now);
      case REJOIN -> watchRejoin(context, now);
      case BALANCE -> {
        balanced = balanced || balance.step(now);
        if (balanced && throughputJudged(now)) {
          stage = Stage.DRAIN;
        }
      }
      case DRAIN -> {
        if (load.drainStep(now, config.drainLimit())) {
          record(context);
          stage = Stage.DONE;
          return Progress.DONE;
        }
      }
      case DONE -> {
        return Progress.DONE;
      }
    }
    return Progress.again(LOOK_EVERY);
  }

  private void kill(TaskContext context, long now) {
    int victim = config.broker() != null ? config.broker() : busiestLeader(context);
    context.event(EventKind.FAULT, Severity.INFO, "kill -9 broker " + victim);
    long killNanos = context.clock().nanoTime();
    context.cluster().killBroker(victim);
    fault = new Observed.Fault(victim, killNanos, -1, -1, -1);
    context.record(Observed.FAULT, fault);
    stage = Stage.DOWN;
  }

  private int busiestLeader(TaskContext context) {
    int busiest =
        Leadership.busiest(
            Leadership.leadersPerBroker(
                topic.describe().orElse(List.of()), context.cluster().brokerIds()));
    return busiest >= 0 ? busiest : context.cluster().brokerIds().get(0);
  }

  private void watchDown(TaskContext context, long now) {
    if (fault.leadersBackNanos() < 0) {
      Set<Integer> live = new HashSet<>(context.cluster().brokerIds());
      live.remove(fault.broker());
      Optional<List<Partition>> partitions = topic.describe();
      if (partitions.isPresent() && Leadership.allLedBy(partitions.get(), live)) {
        fault = fault.leadersBackAt(context.clock().nanoTime());
        double s = (fault.leadersBackNanos() - fault.killNanos()) / 1e9;
        context.figure(new Figure("leader-recovery-s", s, "s"));
        context.note(
            String.format("every partition led by a live broker %.1f s after the kill", s));
      }
    }
    boolean downLongEnough = now - fault.killNanos() >= config.downFor().toNanos();
    boolean leadersSettled =
        fault.leadersBackNanos() >= 0 || now - fault.killNanos() > config.leaderLimit().toNanos();
    if (downLongEnough && leadersSettled) {
      context.event(EventKind.FAULT, Severity.INFO, "restart broker " + fault.broker());
      context.cluster().restartBroker(fault.broker());
      fault = fault.restartedAt(context.clock().nanoTime());
      stage = Stage.REJOIN;
    }
    context.record(Observed.FAULT, fault);
  }

  private void watchRejoin(TaskContext context, long now) {
    Optional<List<Partition>> partitions = topic.describe();
    if (partitions.isPresent() && Leadership.inEveryIsr(partitions.get(), fault.broker())) {
      fault = fault.inSyncAt(now);
      context.figure(
          new Figure("isr-recovery-s", (fault.isrBackNanos() - fault.restartNanos()) / 1e9, "s"));
    }
    if (fault.isrBackNanos() >= 0 || now - fault.restartNanos() > config.isrLimit().toNanos()) {
      balance =
          new BalanceWatch(topic, config.partitions(), externalBalancer, config.balanceLimit());
      stage = Stage.BALANCE;
    }
    context.record(Observed.FAULT, fault);
  }

  /**
   * Returns whether the load ran long enough after the kill for throughput-recovery to be judged:
   * it recovered for the periods the checker asks, or the limit has passed. Stopping the load
   * earlier (a short {@code downFor}) would judge a recovery that had no time to show.
   */
  private boolean throughputJudged(long now) {
    double s =
        FaultChecks.calculateRecoverySeconds(
            load.throughput(fault.killNanos()), config.throughputFraction(), 3);
    return s >= 0 || now - fault.killNanos() > config.throughputLimit().toNanos();
  }

  private void record(TaskContext context) {
    Observed.Throughput throughput = load.throughput(fault == null ? -1 : fault.killNanos());
    context.record(Observed.THROUGHPUT, throughput);
    double s = FaultChecks.calculateRecoverySeconds(throughput, config.throughputFraction(), 3);
    if (s >= 0) {
      context.figure(new Figure("throughput-recovery-s", s, "s"));
    }
    Observed.Balance b = balance.result();
    context.record(Observed.BALANCE, b);
    if (b.balancedNanos() >= 0) {
      context.figure(
          new Figure("leader-balance-s", (b.balancedNanos() - b.skewNanos()) / 1e9, "s"));
    }
    context.record(Observed.LOAD, load.result());
    context.record(Continuity.KEY, load.continuity());
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    if (load != null) {
      load.abandon();
    }
    if (fault != null && context.cluster().isDown(fault.broker())) {
      context.cluster().restartBroker(fault.broker());
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
        FaultChecks.leaderRecovery(config.leaderLimit()),
        FaultChecks.throughputRecovery(config.throughputFraction(), config.throughputLimit()),
        new ContinuityCheck(),
        FaultChecks.isrRecovery(config.isrLimit()),
        FaultChecks.leaderBalance(config.balanceLimit(), /* needsSkew= */ false));
  }
}
