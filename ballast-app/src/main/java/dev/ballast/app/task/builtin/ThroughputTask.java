package dev.ballast.app.task.builtin;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskAdmin;
import dev.ballast.app.task.TaskContext;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskType;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkerResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code throughput} (soak): a target rate for the task's duration; every window's rate within the
 * tolerance and its produce p99 under the limit; nothing lost or duplicated. Records {@link
 * Windows} and {@link Continuity}.
 */
public final class ThroughputTask implements Task {

  private static final long POLL_NANOS = 200_000_000L;

  private final ThroughputConfig config;
  private final double rate;
  private final long durationNanos;
  private final long warmUpNanos;
  private final long windowNanos;
  private final List<Window> windows = new ArrayList<>();
  private TaskAdmin admin;
  private Worker worker;
  private String topic;
  private String group;
  private long warmStart = Long.MIN_VALUE;
  private long loadStart;
  private long windowStart;
  private long stopAt = Long.MIN_VALUE;

  /**
   * Creates the task; {@code quick} uses the quick rate and durations unless the config gives them.
   */
  public ThroughputTask(ThroughputConfig config, boolean quick) {
    this.config = requireNonNull(config, "config");
    this.rate = config.rate(quick);
    this.durationNanos = config.duration(quick).toNanos();
    this.warmUpNanos = config.warmUp(quick).toNanos();
    this.windowNanos = config.window().toNanos();
  }

  @Override
  public Progress prepare(TaskContext context, long now) {
    admin = new TaskAdmin(context.cluster(), Duration.ofSeconds(30));
    topic = Load.name(context);
    group = topic + "-readers";
    int replicas = Math.min(config.replicationFactor(), context.cluster().brokerIds().size());
    admin.createTopic(
        topic,
        config.partitions(),
        replicas,
        Map.of("min.insync.replicas", Integer.toString(Math.max(1, replicas - 1))));
    worker = context.newWorker();
    context.note(
        String.format(
            Locale.ROOT,
            "topic %s: %d partitions x %d replicas; %.0f messages/s of %d B",
            topic,
            config.partitions(),
            replicas,
            rate,
            config.messageBytes()));
    return Progress.DONE;
  }

  @Override
  public Progress warmUp(TaskContext context, long now) {
    if (warmStart == Long.MIN_VALUE) {
      worker.startConsumerGroup(Load.consumers(context, group, topic, 1), false);
      worker.startProducers(List.of(Load.producer(context, topic, rate, config.messageBytes())));
      warmStart = now;
    }
    if (now - warmStart < warmUpNanos) {
      return Progress.again(Math.min(POLL_NANOS, warmUpNanos - (now - warmStart)));
    }
    worker.endWarmup();
    worker.periodStats(); // the first window starts now
    loadStart = context.clock().nanoTime();
    windowStart = loadStart;
    return Progress.DONE;
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    if (stopAt == Long.MIN_VALUE) {
      if (now - windowStart >= windowNanos) {
        PeriodStats ps = worker.periodStats();
        windows.add(
            new Window(
                (windowStart - loadStart) / 1e9,
                ps.periodNanos() / 1e9,
                ps.ackedPerSecond(),
                LatencySummary.millis(ps.intended().p99()),
                ps.failed()));
        windowStart = now;
      }
      if (now - loadStart < durationNanos) {
        return Progress.again(Math.min(POLL_NANOS, windowStart + windowNanos - now));
      }
      worker.stopProducers();
      stopAt = context.clock().nanoTime();
    }
    boolean drained = worker.hasDrained();
    if (!drained && now - stopAt < config.drainTimeout().toNanos()) {
      return Progress.again(POLL_NANOS);
    }
    WorkerResult result = worker.finish();
    context.record(
        Windows.KEY,
        new Windows(windows, rate, config.tolerance(), config.p99Limit().toNanos() / 1e6));
    context.record(
        Continuity.KEY,
        new Continuity(
            result.groups(),
            drained,
            drained ? "" : "consumers did not catch up within " + config.drainTimeout()));
    if (!windows.isEmpty()) {
      context.figure(
          new Figure(
              "mean-messages-per-s",
              windows.stream().mapToDouble(Window::messagesPerSecond).average().orElse(0),
              "messages/s"));
      context.figure(
          new Figure(
              "worst-window-p99-ms",
              windows.stream().mapToDouble(Window::p99Millis).max().orElse(0),
              "ms"));
    }
    if (!result.errors().isEmpty()) {
      context.note("worker errors: " + result.errors());
    }
    return Progress.DONE;
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    Load.cleanUp(worker, admin, group, topic);
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new ThroughputCheck(), new ContinuityCheck());
  }

  /** The task type {@code throughput}. */
  public static final class Type implements TaskType<ThroughputConfig> {
    @Override
    public String name() {
      return "throughput";
    }

    @Override
    public String description() {
      return "a target rate; every window within +-tolerance and under the p99 limit; nothing lost";
    }

    @Override
    public Class<ThroughputConfig> configType() {
      return ThroughputConfig.class;
    }

    @Override
    public Task create(ThroughputConfig config, TaskOptions options) {
      return new ThroughputTask(config, options.quick());
    }
  }
}
