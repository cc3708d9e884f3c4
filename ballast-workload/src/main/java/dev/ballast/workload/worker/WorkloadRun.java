package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.core.loop.IdleStrategy;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.spec.ConsumerSpec;
import dev.ballast.workload.spec.Durations;
import dev.ballast.workload.spec.ProducerSpec;
import dev.ballast.workload.spec.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Takes a workload through its phases on a {@link Worker}: start consumers and producers, end the
 * warm-up, start catch-up groups when due, report every period, stop the producers at the end (or
 * on request), wait for consumers to drain, and build the result. Each {@link #doWork()} step does
 * whatever is due at the clock's time, so tests drive it with a fake clock.
 */
public final class WorkloadRun implements Agent {

  private static final long DRAIN_CHECK_NANOS = 100_000_000L;

  private enum Phase {
    NEW,
    RUNNING,
    DRAINING,
    DONE
  }

  private final WorkloadSpec spec;
  private final Worker worker;
  private final Map<String, Object> clientConfig;
  private final NanoClock clock;
  private final RunListener listener;
  private final long runId;
  private final long reportNanos;
  private final List<PendingGroup> pendingGroups = new ArrayList<>();
  private Phase phase = Phase.NEW;
  private long startNanos;
  private long warmupEndNanos = -1;
  private long stopNanos;
  private long nextReportNanos;
  private long nextDrainCheckNanos;
  private long sentAtWarmupEnd;
  private long ackedBytesAtWarmupEnd;
  private long sentAtStop;
  private long ackedBytesAtStop;
  private boolean drained;
  private volatile boolean stopRequested;
  private WorkloadResult result;

  private record PendingGroup(ConsumerSpec spec, String group, int index) {}

  /**
   * Creates a run of {@code spec} on {@code worker}; {@code clientConfig} holds the connection
   * settings for every client, {@code runId} makes producer ids and group names unique.
   */
  public WorkloadRun(
      WorkloadSpec spec,
      Worker worker,
      Map<String, Object> clientConfig,
      NanoClock clock,
      RunListener listener,
      long runId,
      Duration reportInterval) {
    this.spec = requireNonNull(spec, "spec");
    this.worker = requireNonNull(worker, "worker");
    this.clientConfig = Map.copyOf(clientConfig);
    this.clock = requireNonNull(clock, "clock");
    this.listener = requireNonNull(listener, "listener");
    this.runId = runId;
    this.reportNanos = reportInterval.toNanos();
    if (reportNanos <= 0) {
      throw new IllegalArgumentException("reportInterval must be > 0");
    }
  }

  /** Runs every phase on this thread, idling with {@code idle}, and returns the result. */
  public WorkloadResult run(IdleStrategy idle) {
    while (phase != Phase.DONE) {
      if (doWork() == 0) {
        idle.idle(0, nanosUntilWork());
      }
    }
    return result;
  }

  /**
   * Sets every producer's rate to {@code factor} times its configured constant rate (1 restores
   * it); safe from any thread.
   */
  public void scaleProducerRates(double factor) {
    worker.scaleProducerRates(factor);
  }

  /** Asks the run to stop its producers now and finish (drain, verdict) early. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Returns whether the run is over. */
  public boolean isDone() {
    return phase == Phase.DONE;
  }

  /** Returns the result, or null while the run is not over. */
  public WorkloadResult result() {
    return result;
  }

  @Override
  public int doWork() {
    long now = clock.nanoTime();
    switch (phase) {
      case NEW -> start(now);
      case RUNNING -> {
        report(now);
        if (warmupEndNanos < 0 && now - startNanos >= spec.warmup().toNanos()) {
          endWarmup();
        }
        startDueCatchUpGroups(now);
        if (stopRequested || now - startNanos >= spec.duration().toNanos()) {
          stopProducers(now);
        }
      }
      case DRAINING -> {
        report(now);
        if (now >= nextDrainCheckNanos) {
          nextDrainCheckNanos = now + DRAIN_CHECK_NANOS;
          drained = worker.hasDrained();
          // After a stop request (Ctrl-C) the user is waiting: drain for at most 5 s.
          long limit =
              stopRequested
                  ? Math.min(spec.drainTimeout().toNanos(), 5_000_000_000L)
                  : spec.drainTimeout().toNanos();
          if (drained || now - stopNanos >= limit) {
            finish();
          }
        }
      }
      case DONE -> {
        return 0;
      }
    }
    return 0;
  }

  @Override
  public long nanosUntilWork() {
    return 10_000_000L;
  }

  @Override
  public String roleName() {
    return "workload-" + spec.name();
  }

  private void start(long now) {
    for (int i = 0; i < spec.consumers().size(); i++) {
      ConsumerSpec c = spec.consumers().get(i);
      String group =
          c.group() != null
              ? c.group()
              : "ballast-" + spec.name() + "-" + Long.toHexString(runId) + "-" + i;
      if (c.catchUp()) {
        pendingGroups.add(new PendingGroup(c, group, i));
      } else {
        worker.startConsumerGroup(consumers(c, group, i), /* catchUp= */ false);
      }
    }
    List<ProducerAssignment> producers = new ArrayList<>();
    int index = 0;
    for (ProducerSpec p : spec.producers()) {
      for (int i = 0; i < p.count(); i++) {
        producers.add(ProducerAssignment.of(p, index, producerId(index), clientConfig));
        index++;
      }
    }
    worker.startProducers(producers);
    startNanos = clock.nanoTime();
    nextReportNanos = startNanos + reportNanos;
    phase = Phase.RUNNING;
    listener.onEvent(
        "started "
            + producers.size()
            + " producer(s) and "
            + (spec.consumers().size() - pendingGroups.size())
            + " consumer group(s) for "
            + Durations.format(spec.duration())
            + (spec.warmup().isZero() ? "" : " (warm-up " + Durations.format(spec.warmup()) + ")"));
    if (spec.warmup().isZero()) {
      endWarmup();
    }
  }

  /** Returns the id of producer {@code index}: the run id in the high bits, the index low. */
  private long producerId(int index) {
    return (runId << 16) ^ index;
  }

  private List<ConsumerAssignment> consumers(ConsumerSpec c, String group, int groupIndex) {
    List<ConsumerAssignment> list = new ArrayList<>();
    for (int i = 0; i < c.count(); i++) {
      Map<String, Object> config = new HashMap<>(clientConfig);
      config.putAll(c.config());
      list.add(new ConsumerAssignment(group + "-consumer-" + i, c.topic(), group, config));
    }
    return list;
  }

  private void endWarmup() {
    worker.endWarmup();
    // The window starts when the totals are taken, not when this step began: a slow step (a
    // period report, the warm-up's publication) would otherwise count in the window's length
    // and not in its messages.
    warmupEndNanos = clock.nanoTime();
    WorkerTotals totals = worker.totals();
    sentAtWarmupEnd = totals.sent();
    ackedBytesAtWarmupEnd = totals.ackedBytes();
    if (!spec.warmup().isZero()) {
      listener.onEvent("warm-up over; measuring");
    }
  }

  private void startDueCatchUpGroups(long now) {
    pendingGroups.removeIf(
        g -> {
          if (now - startNanos < g.spec().startAfter().toNanos()) {
            return false;
          }
          worker.startConsumerGroup(consumers(g.spec(), g.group(), g.index()), true);
          listener.onEvent("catch-up group " + g.group() + " started from the earliest offset");
          return true;
        });
  }

  private void report(long now) {
    if (now >= nextReportNanos) {
      nextReportNanos += reportNanos * Math.max(1, (now - nextReportNanos) / reportNanos + 1);
      listener.onPeriod(worker.periodStats());
    }
  }

  private void stopProducers(long now) {
    if (warmupEndNanos < 0) {
      endWarmup(); // stopped during the warm-up: measure what there is
    }
    stopNanos = clock.nanoTime(); // the instant the totals are taken, as at the warm-up's end
    WorkerTotals before = worker.totals();
    sentAtStop = before.sent();
    worker.stopProducers();
    ackedBytesAtStop = worker.totals().ackedBytes();
    pendingGroups.clear();
    phase = Phase.DRAINING;
    nextDrainCheckNanos = clock.nanoTime();
    String what =
        spec.producers().isEmpty()
            ? "consumers stopping"
            : "producers stopped after " + sentAtStop + " messages";
    listener.onEvent(
        (stopRequested ? "stop requested; " : "")
            + what
            + (spec.consumers().isEmpty() || spec.producers().isEmpty()
                ? ""
                : "; waiting up to "
                    + Durations.format(spec.drainTimeout())
                    + " for consumers to drain"));
  }

  private void finish() {
    WorkerResult r = worker.finish();
    double seconds = Math.max(1e-9, (stopNanos - warmupEndNanos) / 1e9);
    double achieved = (sentAtStop - sentAtWarmupEnd) / seconds;
    double mib = (ackedBytesAtStop - ackedBytesAtWarmupEnd) / seconds / (1024.0 * 1024.0);
    List<String> errors = new ArrayList<>(r.errors());
    if (!drained && !spec.consumers().isEmpty()) {
      errors.add(
          "consumers did not drain within "
              + Durations.format(spec.drainTimeout())
              + "; 'lost' counts acknowledged messages not consumed by then");
    }
    result =
        new WorkloadResult(
            spec.name(),
            seconds,
            r.sent(),
            r.acked(),
            r.failed(),
            r.consumed(),
            targetMessagesPerSecond(),
            achieved,
            mib,
            summary(r.intended()),
            summary(r.send()),
            summary(r.scheduleDelay()),
            summary(r.endToEnd()),
            r.groups(),
            drained || spec.consumers().isEmpty(),
            errors);
    phase = Phase.DONE;
  }

  private static LatencySummary summary(Histogram h) {
    return LatencySummary.of(h);
  }

  /** Returns the total message-rate target when every producer group has a constant one. */
  private Double targetMessagesPerSecond() {
    double total = 0;
    for (ProducerSpec p : spec.producers()) {
      if (p.messagesPerSecond() == null || !p.shape().type().equals("constant")) {
        return null;
      }
      total += p.messagesPerSecond();
    }
    return spec.producers().isEmpty() ? null : total;
  }
}
