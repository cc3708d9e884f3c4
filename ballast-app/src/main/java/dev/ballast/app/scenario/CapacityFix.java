package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.balance.ConsoleListener;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.Incident;
import dev.ballast.core.doctor.IncidentKind;
import dev.ballast.core.doctor.ScaleOut;
import dev.ballast.core.fix.FixFormat;
import dev.ballast.workload.rate.NanoClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The capacity scenario's trigger, what an operator does with {@code ballast doctor}: wait for the
 * saturated cluster to fall behind (under-replicated partitions), diagnose it, write the fix in
 * every format, and, the cluster being embedded, apply it: step 1 adds brokers (what {@code aws
 * kafka update-broker-count} does on MSK), step 2 rebalances onto them through the executor. Then
 * the doctor examines the cluster again.
 *
 * <p>A step machine: each {@link #doWork(long)} does what is due at {@code now} on the injected
 * clock and never waits; what blocks (the doctor's sampling, brokers starting, the rebalance) runs
 * as a {@link BackgroundJobs.Job} in the background while the scenario's load keeps going. Every
 * wait has a deadline on the same clock, so a test drives the whole fix with a fake clock.
 */
final class CapacityFix {

  /** The rendering of each format, by file name under {@code fix/}. */
  static final Map<FixFormat, String> FILES = LiveCapacityActions.FILES;

  /** The share of the full load that runs while the fix is applied. */
  static final double BASE_LOAD = 0.1;

  static final Duration OVERLOAD_LIMIT = Duration.ofSeconds(90);
  static final Duration BACKLOG_LIMIT = Duration.ofSeconds(90);
  static final Duration HEALTHY_LIMIT = Duration.ofSeconds(120);
  static final Duration SCHEDULE_LIMIT = Duration.ofSeconds(60);
  private static final long URP_POLL = Duration.ofMillis(500).toNanos();
  private static final long CONDITION_POLL = Duration.ofMillis(200).toNanos();

  private enum Step {
    OVERLOAD,
    BACKLOG,
    DIAGNOSING,
    FIXING,
    HEALTHY,
    SCHEDULE,
    SPIKE,
    REEXAMINING,
    DONE
  }

  private final ScenarioSpec spec;
  private final CapacityActions actions;
  private final Path dir;
  private final Consumer<String> log;
  private final Duration window;
  private final CapacityLoad load;
  private final NanoClock clock;
  private final BackgroundJobs background;
  private final CapacityFindings evidence = new CapacityFindings();

  private Step step = Step.OVERLOAD;
  private long stepStart = Long.MIN_VALUE;
  private long nextPollAt;
  private BackgroundJobs.Job job;
  private final BackgroundProbe<Integer> urps;
  private long fixStart;
  private volatile Diagnosis jobDiagnosis;

  CapacityFix(
      ScenarioSpec spec,
      CapacityActions actions,
      Path dir,
      Consumer<String> log,
      Duration window,
      CapacityLoad load,
      NanoClock clock,
      BackgroundJobs background) {
    this.spec = requireNonNull(spec, "spec");
    this.actions = requireNonNull(actions, "actions");
    this.dir = requireNonNull(dir, "dir");
    this.log = requireNonNull(log, "log");
    this.window = requireNonNull(window, "window");
    this.load = requireNonNull(load, "load");
    this.clock = requireNonNull(clock, "clock");
    this.background = requireNonNull(background, "background");
    this.urps = new BackgroundProbe<>(background, actions::underReplicated);
  }

  /** Returns the clock the fix's deadlines are on. */
  NanoClock clock() {
    return clock;
  }

  /**
   * Does what is due at {@code now}; returns whether the whole fix is done. Throws {@link
   * IllegalStateException} when a step failed, a wait ran past its limit or a stop was requested.
   */
  boolean doWork(long now) {
    if (step == Step.DONE) {
      return true;
    }
    if (load.stopped().getAsBoolean()) {
      throw new IllegalStateException("stopped");
    }
    if (stepStart == Long.MIN_VALUE) {
      stepStart = now;
    }
    if (job != null) {
      if (!job.isDone()) {
        return false;
      }
      job = null;
      jobEnded(now);
    } else if (now - nextPollAt >= 0) {
      poll(now);
    }
    return step == Step.DONE;
  }

  /** Waits (at most {@code limit}) for a background job still running, for cleanup. */
  void close(Duration limit) {
    for (BackgroundJobs.Job j : new BackgroundJobs.Job[] {job, urps.pending()}) {
      if (j != null) {
        j.await(limit);
      }
    }
  }

  private void poll(long now) {
    switch (step) {
      case OVERLOAD -> awaitOverload(now);
      case BACKLOG -> awaitBacklog(now);
      case HEALTHY -> awaitHealthy(now);
      case SCHEDULE -> awaitSchedule(now);
      case SPIKE -> watchSpike(now);
      default -> throw new IllegalStateException("no poll in step " + step);
    }
  }

  private void jobEnded(long now) {
    switch (step) {
      case DIAGNOSING -> diagnosed(now);
      case FIXING -> fixed(now);
      case REEXAMINING -> reexamined(now);
      default -> throw new IllegalStateException("no job in step " + step);
    }
  }

  private void next(Step s, long now) {
    step = s;
    stepStart = now;
    nextPollAt = now;
  }

  private void startJob(Step s, long now, Runnable action) {
    next(s, now);
    job = background.start(action);
  }

  private boolean overdue(long now, Duration limit) {
    return now - stepStart > limit.toNanos();
  }

  /** Returns the under-replicated partitions, or -1 while the answer is still coming. */
  private int underReplicated() {
    Integer answer = urps.answer();
    return answer == null ? -1 : answer;
  }

  private void awaitOverload(long now) {
    int urps = underReplicated();
    if (urps < 0) {
      return;
    }
    if (urps == 0) {
      if (overdue(now, OVERLOAD_LIMIT)) {
        throw new IllegalStateException(
            "no partition fell out of sync within "
                + OVERLOAD_LIMIT.toSeconds()
                + " s: the cap is not tight enough for this load");
      }
      nextPollAt = now + URP_POLL;
      return;
    }
    evidence.underReplicatedSeen = urps;
    log.accept(
        urps
            + " partition(s) under-replicated: followers cannot keep up with brokers capped at "
            + ConsoleListener.bytes(spec.bandwidthCap())
            + "/s");
    // Out of the ISR, followers no longer hold acks=all producers back, and the producers send
    // the backlog they built meanwhile. The doctor is called on the steady load that follows, as
    // an operator would size a cluster on its sustained load, not on a catch-up burst.
    next(Step.BACKLOG, now);
  }

  private void awaitBacklog(long now) {
    if (!(load.onSchedule().getAsBoolean() && load.backlogSent().getAsBoolean())) {
      timeOutAfter(
          now, BACKLOG_LIMIT, "the producers to send their backlog and return to schedule");
      nextPollAt = now + CONDITION_POLL;
      return;
    }
    int still = underReplicated();
    if (still < 0) {
      return;
    }
    if (still == 0) {
      throw new IllegalStateException(
          "the followers caught up again once the producers' backlog was sent: the cap is not tight enough for this load");
    }
    log.accept(
        "the load is back on schedule and "
            + still
            + " partition(s) are still under-replicated; calling the doctor ("
            + window.toSeconds()
            + " s of sampling)");
    startJob(Step.DIAGNOSING, now, () -> jobDiagnosis = actions.diagnose(window));
  }

  private void timeOutAfter(long now, Duration limit, String what) {
    if (overdue(now, limit)) {
      throw new IllegalStateException(
          "timed out after " + limit.toSeconds() + " s waiting for " + what);
    }
  }

  /** The doctor has diagnosed the overload: the fix is written, and applied at a tenth the load. */
  private void diagnosed(long now) {
    Diagnosis d = jobDiagnosis;
    evidence.diagnosis = d;
    load.onDiagnosed().run();
    if (capacityIncident(d) == null) {
      throw new IllegalStateException(
          "the doctor did not find CapacityInsufficient; it found " + kinds(d));
    }
    List<Path> written = actions.writeFix(d);
    actions.describe(d).forEach(line -> log.accept("doctor | " + line));
    log.accept("fix written: " + String.join(", ", written.stream().map(this::relative).toList()));
    ScaleOut scaleOut = d.fix().scaleOut();
    fixStart = now;
    // Under the full load the two brokers have no network left to copy partitions to new ones:
    // the new replicas never catch up and the reassignment never ends. The spike passes (as
    // operators scale after the peak, or throttle producers), the fix goes in, the spike returns.
    log.accept(
        "the spike passes: the load drops to "
            + Math.round(BASE_LOAD * 100)
            + "% while the fix is applied (a saturated broker has no network left to copy"
            + " partitions to new brokers)");
    load.loadFactor().accept(BASE_LOAD);
    log.accept(
        "step 1 (on MSK: aws kafka update-broker-count --target-number-of-broker-nodes "
            + scaleOut.targetBrokers()
            + "): adding "
            + scaleOut.added()
            + " broker(s)");
    startJob(Step.FIXING, now, () -> applyFix(d.fix(), scaleOut));
  }

  /** In the background: step 1 adds the brokers, step 2 rebalances onto them. */
  private void applyFix(Fix fix, ScaleOut scaleOut) {
    for (int i = 0; i < scaleOut.added(); i++) {
      int id = actions.addBroker();
      evidence.brokerAdded(id);
      log.accept("broker " + id + " registered");
    }
    List<Integer> added = evidence.added();
    if (!added.equals(scaleOut.newBrokerIds())) {
      throw new IllegalStateException(
          "the new brokers got ids "
              + added
              + " but the fix was planned for "
              + scaleOut.newBrokerIds());
    }
    evidence.applied = actions.apply(fix, Duration.ofMinutes(3));
  }

  private void fixed(long now) {
    if (!evidence.applied) {
      throw new IllegalStateException("step 2, the rebalance, did not complete");
    }
    next(Step.HEALTHY, now);
  }

  private void awaitHealthy(long now) {
    int urps = underReplicated();
    if (urps < 0) {
      return;
    }
    if (urps > 0) {
      if (overdue(now, HEALTHY_LIMIT)) {
        throw new IllegalStateException(
            urps
                + " partition(s) still under-replicated "
                + HEALTHY_LIMIT.toSeconds()
                + " s after the fix");
      }
      nextPollAt = now + URP_POLL;
      return;
    }
    evidence.secondsToHealthy = (now - fixStart) / 1e9;
    log.accept(
        String.format(
            Locale.ROOT,
            "no partition under-replicated %.1f s after step 1 began; the spike returns",
            evidence.secondsToHealthy));
    load.loadFactor().accept(1);
    next(Step.SCHEDULE, now);
  }

  private void awaitSchedule(long now) {
    if (!load.onSchedule().getAsBoolean()) {
      timeOutAfter(now, SCHEDULE_LIMIT, "the producers to return to schedule");
      nextPollAt = now + CONDITION_POLL;
      return;
    }
    evidence.underReplicatedUnderSpike = 0;
    next(Step.SPIKE, now);
  }

  /** Under the full load again, watches the grown cluster for under-replication. */
  private void watchSpike(long now) {
    Duration period = window.multipliedBy(2);
    if (!overdue(now, period)) {
      int urps = underReplicated();
      if (urps >= 0) {
        evidence.underReplicatedUnderSpike = Math.max(evidence.underReplicatedUnderSpike, urps);
        nextPollAt = now + URP_POLL;
      }
      return;
    }
    log.accept(
        evidence.underReplicatedUnderSpike
            + " partition(s) under-replicated at worst over "
            + period.toSeconds()
            + " s of the full load on "
            + (spec.brokers() + evidence.added().size())
            + " brokers; the doctor looks again");
    // A longer window: the verdict "enough" rests on the load, not on a burst of sampling noise.
    startJob(Step.REEXAMINING, now, this::examineAgain);
  }

  /**
   * In the background: the doctor looks again; a leader skew it still finds (a broker briefly
   * fenced under the load hands its leaders to its peers) gets its preferred leader election, as an
   * operator with --apply would; more moves are not this scenario's business.
   */
  private void examineAgain() {
    Diagnosis again = actions.diagnose(window.multipliedBy(2));
    evidence.afterFix = again;
    log.accept(
        "doctor after the fix: "
            + (again.incidents().isEmpty() ? "no incident" : kinds(again))
            + (capacityIncident(again) == null ? "" : " (capacity still insufficient)"));
    if (!again.fix().preferredElection().isEmpty()) {
      actions.apply(
          new Fix(null, List.of(), "", again.fix().preferredElection(), List.of(), List.of()),
          Duration.ofMinutes(1));
    }
  }

  private void reexamined(long now) {
    next(Step.DONE, now);
  }

  /** Returns what the fix did and found so far. */
  CapacityChecks.Evidence evidence() {
    return evidence.snapshot();
  }

  private String relative(Path p) {
    return dir.relativize(p).toString();
  }

  static Incident capacityIncident(Diagnosis d) {
    return d.incidents().stream()
        .filter(i -> i.kind() == IncidentKind.CAPACITY_INSUFFICIENT)
        .findFirst()
        .orElse(null);
  }

  static String kinds(Diagnosis d) {
    return d.incidents().isEmpty()
        ? "no incident"
        : String.join(", ", d.incidents().stream().map(i -> i.id()).toList());
  }
}
