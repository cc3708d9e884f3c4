package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes one task run through its phases: checks the requirements, steps prepare, warm-up and
 * workload until each is DONE, cuts a phase short on a timeout or a stop request, always steps
 * cleanup, closes the workers, then has every checker judge the recorded run. Each {@link
 * #doWork(long)} does what is due at {@code now}, so tests drive it with a fake clock (the shape of
 * {@code WorkloadRun}). One thread calls {@code doWork}; {@link #requestStop()} and {@link
 * #shouldInterrupt(long)} are safe from any other.
 */
public final class TaskRunner {

  /** How long a step may overrun a deadline or a stop before its thread should be interrupted. */
  public static final Duration STEP_GRACE = Duration.ofSeconds(5);

  /** The longest cleanup may take after a stop request (so SIGTERM exits within 30 s). */
  public static final Duration CLEANUP_AFTER_STOP = Duration.ofSeconds(20);

  /**
   * The longest a run may take to end after a stop request; past it the thread that steps it is
   * given up on and the run ended with {@link #finishNow} (a cleanup that hangs).
   */
  public static final Duration FINISH_AFTER_STOP = Duration.ofSeconds(22);

  private enum State {
    NEW,
    RUNNING,
    DONE
  }

  private final String type;
  private final Task task;
  private final TaskLimits limits;
  private final List<Checker> checkers;
  private final RunContext context;
  private final NanoClock clock;
  // Written by the stepping thread, read by finishNow on another when that thread is stuck.
  private final List<PhaseTiming> timings = Collections.synchronizedList(new ArrayList<>());
  private final List<Verdict> runnerVerdicts = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<TaskResult> result = new AtomicReference<>();
  private final AtomicBoolean judged = new AtomicBoolean();
  private volatile State state = State.NEW;
  private volatile TaskPhase phase;
  private long taskStart;
  private volatile long phaseStart;
  private long nextStepAt;
  private volatile RunEnd end = RunEnd.COMPLETED;
  private volatile String endDetail = "";
  private volatile long stopRequestedAt = Long.MIN_VALUE;
  private volatile long stepStartedAt = Long.MIN_VALUE;
  private volatile long deadline = Long.MAX_VALUE;

  /**
   * Creates a runner of {@code task} (of type {@code type}) in {@code context}; {@code
   * extraCheckers} (from the YAML) judge the run after the task's own.
   */
  public TaskRunner(
      String type, Task task, TaskLimits limits, List<Checker> extraCheckers, RunContext context) {
    this.type = requireNonNull(type, "type");
    this.task = requireNonNull(task, "task");
    this.limits = requireNonNull(limits, "limits");
    this.context = requireNonNull(context, "context");
    this.clock = context.clock();
    this.checkers = new ArrayList<>(task.checkers());
    this.checkers.addAll(extraCheckers);
    context.stopCheck(() -> stopRequestedAt != Long.MIN_VALUE || clock.nanoTime() >= deadline);
  }

  /** Asks the run to end its current phase now, clean up and be judged (Ctrl-C, SIGTERM). */
  public void requestStop() {
    if (stopRequestedAt == Long.MIN_VALUE) {
      stopRequestedAt = clock.nanoTime();
    }
  }

  /** Returns whether a step has overrun its deadline (or a stop) by {@link #STEP_GRACE}. */
  public boolean shouldInterrupt(long now) {
    long started = stepStartedAt;
    if (started == Long.MIN_VALUE) {
      return false;
    }
    long due = deadline;
    long stopAt = stopRequestedAt;
    long grace = STEP_GRACE.toNanos();
    if (stopAt != Long.MIN_VALUE && phase != TaskPhase.CLEANUP) {
      due = Math.min(due, stopAt);
    } else if (stopAt != Long.MIN_VALUE) {
      grace = 0; // cleanup after a stop: its limit already is the grace before FINISH_AFTER_STOP
    }
    return due != Long.MAX_VALUE && now - due >= grace;
  }

  /**
   * Returns whether a stop was requested and the run is still not over {@link #FINISH_AFTER_STOP}
   * later: its thread should be given up on and the run ended now.
   */
  public boolean overdueAfterStop(long now) {
    long stopAt = stopRequestedAt;
    return state != State.DONE
        && stopAt != Long.MIN_VALUE
        && now - stopAt >= FINISH_AFTER_STOP.toNanos();
  }

  /** Returns whether a stop was requested. */
  public boolean stopRequested() {
    return stopRequestedAt != Long.MIN_VALUE;
  }

  /** Returns whether the run is over and judged. */
  public boolean isDone() {
    return state == State.DONE;
  }

  /** Returns the judged run, or null while it is not over. */
  public TaskResult result() {
    return result.get();
  }

  /** Returns the phase now running, or null before the start and after the end. */
  public TaskPhase phase() {
    return state == State.RUNNING ? phase : null;
  }

  /** Returns how long until the next step is due, in nanoseconds (0: now). */
  public long nanosUntilWork(long now) {
    if (state != State.RUNNING) {
      return 0;
    }
    return Math.max(0, Math.min(nextStepAt, deadline) - now);
  }

  /**
   * Does whatever is due at {@code now}; returns 1 when it did something, 0 when nothing was due.
   */
  public int doWork(long now) {
    switch (state) {
      case NEW -> start(now);
      case RUNNING -> {
        if (cutShort(now)) {
          return 1;
        }
        if (now < nextStepAt) {
          return 0;
        }
        step(now);
      }
      case DONE -> {
        return 0;
      }
    }
    return 1;
  }

  private void start(long now) {
    taskStart = now;
    context.emit(EventKind.TASK, Severity.INFO, null, "task " + context.taskName() + " started");
    String unmet;
    try {
      unmet = Requirements.unmet(task.requirements(), context.cluster());
    } catch (RuntimeException e) {
      unmet = "the cluster could not be described: " + e.getMessage();
    }
    if (unmet != null) {
      end = RunEnd.INFRASTRUCTURE_FAILED;
      endDetail = unmet;
      runnerVerdicts.add(Verdict.inconclusive("requirements", "not run: " + unmet, unmet));
      finish();
      return;
    }
    state = State.RUNNING;
    begin(TaskPhase.PREPARE, now);
  }

  private void begin(TaskPhase next, long now) {
    phase = next;
    phaseStart = now;
    nextStepAt = now;
    context.phase(next);
    deadline = deadlineOf(next, now);
    context.emit(EventKind.PHASE, Severity.INFO, null, next.label() + " started");
  }

  private long deadlineOf(TaskPhase p, long now) {
    Duration phaseLimit = limits.phase(p);
    long d = phaseLimit == null ? Long.MAX_VALUE : now + phaseLimit.toNanos();
    if (p == TaskPhase.CLEANUP) {
      long stopAt = stopRequestedAt;
      return stopAt == Long.MIN_VALUE ? d : Math.min(d, stopAt + CLEANUP_AFTER_STOP.toNanos());
    }
    return Math.min(d, taskStart + limits.task().toNanos());
  }

  /** Ends the current phase when a stop or a deadline says so; returns whether it did. */
  private boolean cutShort(long now) {
    if (phase == TaskPhase.CLEANUP) {
      if (stopRequestedAt != Long.MIN_VALUE) {
        deadline = Math.min(deadline, stopRequestedAt + CLEANUP_AFTER_STOP.toNanos());
      }
      if (now < deadline) {
        return false;
      }
      endPhase(now, false);
      runnerVerdicts.add(
          Verdict.fail(
              "task-timeout",
              Severity.ERROR,
              "cleanup ran past its limit",
              "cleanup ran " + seconds(now - phaseStart) + "; what it created may be left over"));
      finish();
      return true;
    }
    String why = null;
    RunEnd how = null;
    if (stopRequestedAt != Long.MIN_VALUE) {
      how = RunEnd.STOPPED;
      why = "stopped by request during " + phase.label();
    } else if (now >= deadline) {
      how = RunEnd.TIMED_OUT;
      why = timeoutText(now);
    }
    if (how == null) {
      return false;
    }
    cut(how, why, now);
    return true;
  }

  private String timeoutText(long now) {
    Duration phaseLimit = limits.phase(phase);
    if (phaseLimit != null && now - phaseStart >= phaseLimit.toNanos()) {
      return phase.label() + " ran past its limit of " + phaseLimit;
    }
    return "the task ran past its limit of " + limits.task() + " (in " + phase.label() + ")";
  }

  private void cut(RunEnd how, String why, long now) {
    end = how;
    endDetail = why;
    if (how == RunEnd.TIMED_OUT) {
      runnerVerdicts.add(
          Verdict.fail(
              "task-timeout",
              Severity.ERROR,
              why,
              phase.label() + " ran " + seconds(now - phaseStart)));
    } else if (how == RunEnd.STOPPED) {
      runnerVerdicts.add(Verdict.inconclusive("runner", why, "the run was cut short"));
    }
    endPhase(now, false);
    begin(TaskPhase.CLEANUP, now);
  }

  private void step(long now) {
    Progress progress;
    stepStartedAt = now;
    try {
      progress = call(phase, now);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      stepFailed(t);
      return;
    } finally {
      stepStartedAt = Long.MIN_VALUE;
      Thread.interrupted(); // an interrupt meant for this step must not reach the next
    }
    if (state == State.DONE) {
      return; // ended meanwhile by finishNow: this thread was given up on
    }
    long after = clock.nanoTime();
    if (!progress.done()) {
      nextStepAt = after + progress.nanosUntilNext();
      return;
    }
    endPhase(after, true);
    if (phase == TaskPhase.CLEANUP) {
      finish();
    } else {
      begin(TaskPhase.values()[phase.ordinal() + 1], after);
    }
  }

  private Progress call(TaskPhase p, long now) throws Exception {
    Progress progress =
        switch (p) {
          case PREPARE -> task.prepare(context, now);
          case WARM_UP -> task.warmUp(context, now);
          case WORKLOAD -> task.workload(context, now);
          case CLEANUP -> task.cleanup(context, now);
        };
    return requireNonNull(progress, () -> p.label() + " returned null instead of a Progress");
  }

  private void stepFailed(Throwable t) {
    if (state == State.DONE) {
      return; // ended meanwhile by finishNow
    }
    long now = clock.nanoTime();
    if (phase == TaskPhase.CLEANUP) {
      endPhase(now, false);
      runnerVerdicts.add(StepFailures.verdict("cleanup", t));
      finish();
      return;
    }
    if (stopRequestedAt != Long.MIN_VALUE || now >= deadline) {
      cutShort(now); // interrupted because of the stop or the timeout: that is the story
      return;
    }
    Verdict v = StepFailures.verdict(phase.label(), t);
    end = v.outcome() == Outcome.INCONCLUSIVE ? RunEnd.INFRASTRUCTURE_FAILED : RunEnd.TASK_ERROR;
    endDetail = v.summary();
    runnerVerdicts.add(v);
    endPhase(now, false);
    begin(TaskPhase.CLEANUP, now);
  }

  private void endPhase(long now, boolean completed) {
    timings.add(new PhaseTiming(phase, phaseStart, Math.max(now, phaseStart), completed));
    context.emit(
        EventKind.PHASE,
        completed ? Severity.INFO : Severity.WARNING,
        null,
        phase.label()
            + (completed ? " done in " : " cut short after ")
            + seconds(now - phaseStart));
  }

  private void finish() {
    for (String error : context.closeWorkers()) {
      context.emit(EventKind.NOTE, Severity.WARNING, null, error);
    }
    judge(List.copyOf(runnerVerdicts));
  }

  /**
   * Ends the run now, the last resort when the thread that steps it is stuck (a cleanup that hangs
   * after a stop, a step that ignores interrupts): the run is judged on what it recorded so far,
   * with an ERROR verdict that says {@code why}, and its workers are closed in the background.
   * Called from another thread than {@link #doWork}'s; returns the result (the first one, if the
   * run ended meanwhile).
   */
  public TaskResult finishNow(long now, String why) {
    requireNonNull(why, "why");
    if (result.get() == null) {
      TaskPhase stuck = phase;
      if (stuck != null) {
        timings.add(new PhaseTiming(stuck, phaseStart, Math.max(now, phaseStart), false));
      }
      List<Verdict> verdicts = new ArrayList<>(runnerVerdicts);
      verdicts.add(
          Verdict.error(
              "task-timeout",
              why,
              (stuck == null ? "the run" : stuck.label()) + " had not returned"));
      if (end == RunEnd.COMPLETED) {
        end = RunEnd.TASK_ERROR;
        endDetail = why;
      }
      Thread closer = new Thread(context::closeWorkers, "ballast-close-abandoned-workers");
      closer.setDaemon(true);
      closer.start();
      judge(verdicts);
    }
    return result.get();
  }

  private void judge(List<Verdict> runnerVerdicts) {
    context.phase(null);
    List<PhaseTiming> phases = List.copyOf(timings);
    RecordedRun run = context.recorded(type, end, endDetail, phases);
    List<Verdict> verdicts = RunVerdicts.judge(runnerVerdicts, checkers, run);
    Outcome outcome = TaskResult.outcomeOf(verdicts);
    if (judged.compareAndSet(false, true)) { // told once, also when finishNow races a late end
      RunVerdicts.tell(context, verdicts, outcome);
    }
    result.compareAndSet(
        null,
        new TaskResult(
            context.recorded(type, end, endDetail, phases),
            verdicts,
            outcome,
            context.resultsDir()));
    state = State.DONE;
    deadline = Long.MAX_VALUE;
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
