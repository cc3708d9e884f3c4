package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.Worker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The {@link TaskContext} of one task run: it collects events, observations and figures, hands out
 * workers and closes them at the end. Wall-clock times of events are the run's start instant plus
 * the elapsed {@link NanoClock} time, so a fake clock makes them deterministic.
 */
public final class RunContext implements TaskContext {

  private final String taskName;
  private final int round;
  private final long runId;
  private final boolean quick;
  private final TaskCluster cluster;
  private final Supplier<Worker> workers;
  private final NanoClock clock;
  private final Path resultsDir;
  private final EventSink sink;
  private final Instant startWall;
  private final long startNanos;
  private final List<Event> events = new ArrayList<>();
  private final Map<String, Object> observations = new LinkedHashMap<>();
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<Worker> openWorkers = new ArrayList<>();
  private volatile TaskPhase phase;
  private volatile BooleanSupplier stopCheck = () -> false;

  /**
   * Creates the context of run {@code runId} of task {@code taskName} in {@code round}; events go
   * to {@code sink} (and are kept for the recorded run), {@code workers} makes a worker on demand,
   * {@code startWall} is the wall-clock time at {@code clock}'s current time.
   */
  public RunContext(
      String taskName,
      int round,
      long runId,
      boolean quick,
      TaskCluster cluster,
      Supplier<Worker> workers,
      NanoClock clock,
      Instant startWall,
      Path resultsDir,
      EventSink sink) {
    this.taskName = requireNonNull(taskName, "taskName");
    this.round = round;
    this.runId = runId;
    this.quick = quick;
    this.cluster = requireNonNull(cluster, "cluster");
    this.workers = requireNonNull(workers, "workers");
    this.clock = requireNonNull(clock, "clock");
    this.startWall = requireNonNull(startWall, "startWall");
    this.startNanos = clock.nanoTime();
    this.resultsDir = requireNonNull(resultsDir, "resultsDir");
    this.sink = requireNonNull(sink, "sink");
  }

  @Override
  public String taskName() {
    return taskName;
  }

  @Override
  public int round() {
    return round;
  }

  @Override
  public long runId() {
    return runId;
  }

  @Override
  public boolean quick() {
    return quick;
  }

  @Override
  public TaskCluster cluster() {
    return cluster;
  }

  @Override
  public Worker newWorker() {
    Worker w = requireNonNull(workers.get(), "worker");
    synchronized (this) {
      openWorkers.add(w);
    }
    return w;
  }

  @Override
  public NanoClock clock() {
    return clock;
  }

  @Override
  public Path resultsDir() {
    return resultsDir;
  }

  @Override
  public void event(EventKind kind, Severity severity, String message) {
    emit(kind, severity, null, message);
  }

  @Override
  public synchronized <T> void record(ObservationKey<T> key, T value) {
    requireNonNull(key, "key");
    observations.put(key.name(), key.type().cast(requireNonNull(value, "value")));
  }

  @Override
  public synchronized void figure(Figure figure) {
    figures.put(figure.name(), figure);
  }

  @Override
  public boolean stopRequested() {
    return stopCheck.getAsBoolean();
  }

  /** Returns the wall-clock time at {@code nanos} on this run's clock. */
  public Instant wallTime(long nanos) {
    return startWall.plusNanos(nanos - startNanos);
  }

  /** Records an event of the current phase; a checker's verdict names {@code checker}. */
  void emit(EventKind kind, Severity severity, String checker, String message) {
    Event e =
        new Event(
            wallTime(clock.nanoTime()), round, taskName, phase, kind, severity, checker, message);
    synchronized (this) {
      events.add(e);
    }
    try {
      sink.accept(e);
    } catch (RuntimeException ignored) {
      // A broken sink (a full disk, a console gone) must not break the task.
    }
  }

  void phase(TaskPhase phase) {
    this.phase = phase;
  }

  void stopCheck(BooleanSupplier check) {
    this.stopCheck = requireNonNull(check, "check");
  }

  /**
   * Closes every worker handed out; returns the errors, one line each. A close that hangs holds no
   * lock: the run can still be judged meanwhile ({@link TaskRunner#finishNow}).
   */
  List<String> closeWorkers() {
    List<Worker> open;
    synchronized (this) {
      open = List.copyOf(openWorkers);
      openWorkers.clear();
    }
    List<String> errors = new ArrayList<>();
    for (Worker w : open) {
      try {
        w.close();
      } catch (RuntimeException e) {
        errors.add("closing a worker failed: " + e);
      }
    }
    return errors;
  }

  synchronized RecordedRun recorded(
      String type, RunEnd end, String endDetail, List<PhaseTiming> phases) {
    return new RecordedRun(
        taskName,
        type,
        round,
        end,
        endDetail,
        phases,
        observations,
        List.copyOf(figures.values()),
        events);
  }
}
