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
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkerResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code catch-up-read} (seed 004): build a backlog while no one reads, then a fresh consumer group
 * must read all of it within the deadline. Records {@link CatchUp} and {@link Continuity}; figures
 * catch-up MB/s and records/s.
 */
public final class CatchUpReadTask implements Task {

  private static final long POLL_NANOS = 200_000_000L;

  private enum Step {
    START_BUILD,
    BUILDING,
    START_READ,
    READING,
    DONE
  }

  private final CatchUpReadConfig config;
  private final java.util.function.BiConsumer<TaskContext, String> beforeRead;
  private final long backlogBytes;
  private TaskAdmin admin;
  private Worker worker;
  private String topic;
  private String group;
  private Step step = Step.START_BUILD;
  private long buildStart;
  private double buildSeconds;
  private long readStart;
  private long backlogMessages;
  private long ackedBytes;
  private long nextEndCheck;

  /** Creates the task; {@code quick} uses the quick backlog. */
  public CatchUpReadTask(CatchUpReadConfig config, boolean quick) {
    this(config, quick, (context, topic) -> {});
  }

  /** Creates the task with {@code beforeRead} run between build and read (tests break the log). */
  CatchUpReadTask(
      CatchUpReadConfig config,
      boolean quick,
      java.util.function.BiConsumer<TaskContext, String> beforeRead) {
    this.beforeRead = requireNonNull(beforeRead, "beforeRead");
    this.config = requireNonNull(config, "config");
    this.backlogBytes = (quick ? config.quickBacklogMiB() : config.backlogMiB()) * 1024L * 1024L;
  }

  @Override
  public Progress prepare(TaskContext context, long now) {
    admin = new TaskAdmin(context.cluster(), Duration.ofSeconds(30));
    topic = Load.name(context);
    group = topic + "-reader";
    int replicas = Math.min(config.replicationFactor(), context.cluster().brokerIds().size());
    admin.createTopic(topic, config.partitions(), replicas, Load.KEEP_EVERYTHING);
    worker = context.newWorker();
    context.note(
        String.format(
            Locale.ROOT,
            "topic %s: %d partitions x %d replicas; backlog %.0f MiB",
            topic,
            config.partitions(),
            replicas,
            backlogBytes / 1048576.0));
    return Progress.DONE;
  }

  @Override
  public Progress workload(TaskContext context, long now) {
    switch (step) {
      case START_BUILD -> {
        worker.startProducers(List.of(Load.producer(context, topic, null, config.messageBytes())));
        buildStart = now;
        step = Step.BUILDING;
      }
      case BUILDING -> {
        if (worker.totals().ackedBytes() >= backlogBytes) {
          worker.stopProducers();
          long end = context.clock().nanoTime();
          buildSeconds = (end - buildStart) / 1e9;
          backlogMessages = worker.totals().acked();
          ackedBytes = worker.totals().ackedBytes();
          context.note(
              String.format(
                  Locale.ROOT,
                  "backlog built: %d messages, %.1f MB in %.1f s",
                  backlogMessages,
                  ackedBytes / 1e6,
                  buildSeconds));
          step = Step.START_READ;
        }
      }
      case START_READ -> {
        beforeRead.accept(context, topic);
        worker.startConsumerGroup(Load.consumers(context, group, topic, config.consumers()), true);
        readStart = context.clock().nanoTime();
        nextEndCheck = readStart + Duration.ofSeconds(5).toNanos();
        context.note("fresh group " + group + " reading from the earliest offset");
        step = Step.READING;
      }
      case READING -> {
        return reading(context, now);
      }
      case DONE -> {
        return Progress.DONE;
      }
    }
    return Progress.again(POLL_NANOS);
  }

  private Progress reading(TaskContext context, long now) {
    boolean drained = worker.hasDrained();
    boolean atEnd = false;
    if (!drained && now >= nextEndCheck) {
      // Everything acknowledged read is the normal end; a group at the log end that still misses
      // acknowledged messages is the other: they are gone from the log (lost), not late.
      nextEndCheck = now + Duration.ofSeconds(2).toNanos();
      atEnd = admin.committedToEnd(group, topic);
    }
    boolean overdue = now - readStart > config.deadline().toNanos();
    if (!drained && !atEnd && !overdue) {
      return Progress.again(POLL_NANOS);
    }
    double readSeconds = (context.clock().nanoTime() - readStart) / 1e9;
    WorkerResult result = worker.finish();
    boolean finished = drained || atEnd;
    if (!result.groups().isEmpty() && result.groups().get(0).backlog() > 0) {
      // The backlog the group started with, as the worker counted it when the read began.
      backlogMessages = result.groups().get(0).backlog();
      ackedBytes = backlogMessages * config.messageBytes();
    }
    CatchUp c =
        new CatchUp(
            backlogMessages, ackedBytes, buildSeconds, readSeconds, finished, config.deadline());
    context.record(CatchUp.KEY, c);
    context.record(
        Continuity.KEY,
        new Continuity(
            result.groups(),
            finished,
            finished ? "" : "the deadline of " + config.deadline() + " passed"));
    if (finished) {
      context.figure(new Figure("catch-up-mb-per-s", c.megabytesPerSecond(), "MB/s"));
      context.figure(new Figure("catch-up-records-per-s", c.recordsPerSecond(), "records/s"));
    }
    context.figure(
        new Figure(
            "backlog-build-mb-per-s",
            buildSeconds <= 0 ? 0 : ackedBytes / 1e6 / buildSeconds,
            "MB/s"));
    context.note(
        String.format(
            Locale.ROOT,
            "read %s in %.1f s (%.1f MB/s)%s",
            finished ? "everything" : "until the deadline",
            readSeconds,
            c.megabytesPerSecond(),
            result.errors().isEmpty() ? "" : "; worker errors: " + result.errors()));
    step = Step.DONE;
    return Progress.DONE;
  }

  @Override
  public Progress cleanup(TaskContext context, long now) {
    Load.cleanUp(worker, admin, group, topic);
    return Progress.DONE;
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new CatchUpCheck(), new ContinuityCheck());
  }

  /** The task type {@code catch-up-read}. */
  public static final class Type implements TaskType<CatchUpReadConfig> {
    @Override
    public String name() {
      return "catch-up-read";
    }

    @Override
    public String description() {
      return "builds a backlog while no one reads, then a fresh group must read it all within the deadline";
    }

    @Override
    public Class<CatchUpReadConfig> configType() {
      return CatchUpReadConfig.class;
    }

    @Override
    public Task create(CatchUpReadConfig config, TaskOptions options) {
      return new CatchUpReadTask(config, options.quick());
    }
  }
}
