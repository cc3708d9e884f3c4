package dev.ballast.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.workload.worker.ConsumerAssignment;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.ProducerAssignment;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkerResult;
import dev.ballast.workload.worker.WorkerTotals;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {

  private static final long S = 1_000_000_000L;

  private long now;
  private final List<Event> events = new ArrayList<>();
  private final FakeCluster cluster = new FakeCluster(3);
  private final ScriptedTask task = new ScriptedTask();
  private volatile int workersClosed;

  private RunContext context() {
    return new RunContext(
        "t",
        1,
        7,
        false,
        cluster,
        ClosingWorker::new,
        () -> now,
        Instant.parse("2026-01-01T00:00:00Z"),
        Path.of("unused"),
        events::add);
  }

  private TaskRunner runner(TaskLimits limits) {
    return new TaskRunner("scripted", task, limits, List.of(), context());
  }

  /** Drives {@code runner} to its end, one second of fake time per idle step. */
  private TaskResult drive(TaskRunner runner) {
    for (int i = 0; i < 100_000 && !runner.isDone(); i++) {
      if (runner.doWork(now) == 0) {
        now += Math.max(1, Math.min(S, runner.nanosUntilWork(now)));
      }
    }
    assertThat(runner.isDone()).as("the runner finished").isTrue();
    return runner.result();
  }

  private static Checker passing() {
    return ScriptedTask.always(Verdict.pass("c", "fine", "1 of 1"));
  }

  private static Checker failing() {
    return ScriptedTask.always(Verdict.fail("c", Severity.CRITICAL, "3 lost", "p0: 3"));
  }

  @Test
  void runsEveryPhaseInOrderTimesThemAndPassesWhenTheCheckersDo() {
    int[] workloadSteps = {0};
    task.checker(passing())
        .on(
            TaskPhase.PREPARE,
            (c, t) -> {
              c.newWorker();
              return Progress.DONE;
            })
        .on(
            TaskPhase.WORKLOAD,
            (c, t) -> ++workloadSteps[0] < 3 ? Progress.again(10 * S) : Progress.DONE);

    TaskResult r = drive(runner(TaskLimits.DEFAULTS));

    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    assertThat(task.log)
        .containsExactly(
            "prepare@0", "warm-up@0", "workload@0", "workload@10", "workload@20", "cleanup@20");
    assertThat(r.run().end()).isEqualTo(RunEnd.COMPLETED);
    assertThat(r.run().phases()).extracting(PhaseTiming::phase).containsExactly(TaskPhase.values());
    assertThat(r.run().phase(TaskPhase.WORKLOAD).orElseThrow().seconds()).isEqualTo(20.0);
    assertThat(r.run().workloadCompleted()).isTrue();
    assertThat(workersClosed).as("the worker the task asked for is closed").isEqualTo(1);
    assertThat(events)
        .extracting(Event::message)
        .contains("prepare started", "workload done in 20.0 s", "PASS: fine", "task t ended: PASS");
    assertThat(events.get(events.size() - 1).time())
        .isEqualTo(Instant.parse("2026-01-01T00:00:20Z"));
  }

  @Test
  void doesNotStepBeforeTheTaskAskedToBeCalledAgain() {
    task.on(TaskPhase.PREPARE, (c, t) -> t < 5 * S ? Progress.again(5 * S) : Progress.DONE);
    TaskRunner runner = runner(TaskLimits.DEFAULTS);
    runner.doWork(now); // start
    runner.doWork(now); // first prepare step
    now = 4 * S;
    assertThat(runner.doWork(now)).isZero();
    assertThat(runner.nanosUntilWork(now)).isEqualTo(S);
    assertThat(task.log).containsExactly("prepare@0");
  }

  @Test
  void aTaskThatThrowsIsErrorCleansUpAndSkipsTheRest() {
    task.checker(passing())
        .on(
            TaskPhase.PREPARE,
            (c, t) -> {
              throw new IllegalStateException("bug");
            });

    TaskResult r = drive(runner(TaskLimits.DEFAULTS));

    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(task.log).containsExactly("prepare@0", "cleanup@0");
    assertThat(r.run().end()).isEqualTo(RunEnd.TASK_ERROR);
    assertThat(r.verdicts()).extracting(Verdict::checker).containsExactly("task", "c");
    assertThat(r.verdicts().get(0).summary()).contains("prepare threw", "bug");
  }

  @Test
  void infrastructureFailureIsInconclusiveNeverFailEvenWhenACheckerFails() {
    task.checker(failing())
        .on(
            TaskPhase.WORKLOAD,
            (c, t) -> {
              throw new InfrastructureException("--kill-broker-cmd exited 1");
            });

    TaskResult r = drive(runner(TaskLimits.DEFAULTS));

    assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(r.run().end()).isEqualTo(RunEnd.INFRASTRUCTURE_FAILED);
    assertThat(r.verdicts()).extracting(Verdict::outcome).containsOnly(Outcome.INCONCLUSIVE);
    assertThat(r.verdicts()).extracting(Verdict::severity).containsOnly(Severity.WARNING);
    assertThat(r.verdicts().get(1).summary()).contains("would be FAIL (3 lost)", "kill-broker-cmd");
    assertThat(task.log).endsWith("cleanup@0");
  }

  @Test
  void anInfrastructureFailureWrappedInAnotherExceptionIsStillInconclusive() {
    task.checker(passing())
        .on(
            TaskPhase.PREPARE,
            (c, t) -> {
              throw new RuntimeException("wrapped", new InfrastructureException("worker lost"));
            });
    assertThat(drive(runner(TaskLimits.DEFAULTS)).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void aPhaseThatNeverEndsIsCutAtItsLimitAndJudgedATimeoutError() {
    task.checker(passing()).on(TaskPhase.WORKLOAD, (c, t) -> Progress.again(S));
    TaskLimits limits =
        new TaskLimits(Duration.ofMinutes(30), Map.of(TaskPhase.WORKLOAD, Duration.ofSeconds(30)));

    TaskResult r = drive(runner(limits));

    assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(r.run().end()).isEqualTo(RunEnd.TIMED_OUT);
    Verdict timeout = r.verdicts().get(0);
    assertThat(timeout.checker()).isEqualTo("task-timeout");
    assertThat(timeout.severity()).isEqualTo(Severity.ERROR);
    assertThat(timeout.summary()).isEqualTo("workload ran past its limit of PT30S");
    assertThat(r.run().phase(TaskPhase.WORKLOAD).orElseThrow().completed()).isFalse();
    assertThat(r.run().phase(TaskPhase.WORKLOAD).orElseThrow().seconds()).isEqualTo(30.0);
    assertThat(task.log).endsWith("cleanup@30");
  }

  @Test
  void theTaskLimitCoversPrepareWarmUpAndWorkloadTogether() {
    task.on(TaskPhase.PREPARE, (c, t) -> t < 40 * S ? Progress.again(S) : Progress.DONE)
        .on(TaskPhase.WORKLOAD, (c, t) -> Progress.again(S));
    TaskResult r = drive(runner(new TaskLimits(Duration.ofSeconds(60), Map.of())));

    assertThat(r.run().end()).isEqualTo(RunEnd.TIMED_OUT);
    assertThat(r.verdicts().get(0).summary())
        .isEqualTo("the task ran past its limit of PT1M (in workload)");
    assertThat(task.log).endsWith("cleanup@60");
  }

  @Test
  void aStopEndsTheCurrentPhaseRunsCleanupAndIsInconclusive() {
    task.checker(failing()).on(TaskPhase.WORKLOAD, (c, t) -> Progress.again(S));
    TaskRunner runner = runner(TaskLimits.DEFAULTS);
    while (!task.log.contains("workload@5")) {
      if (runner.doWork(now) == 0) {
        now += S;
      }
    }
    runner.requestStop();

    TaskResult r = drive(runner);

    assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(r.run().end()).isEqualTo(RunEnd.STOPPED);
    assertThat(r.run().endDetail()).isEqualTo("stopped by request during workload");
    assertThat(task.log).endsWith("workload@5", "cleanup@5");
  }

  @Test
  void aStepCanSeeTheStopRequestAndTheDeadlineThroughItsContext() {
    List<Boolean> seen = new ArrayList<>();
    TaskRunner[] runner = new TaskRunner[1];
    task.on(
        TaskPhase.WORKLOAD,
        (c, t) -> {
          seen.add(c.stopRequested());
          runner[0].requestStop();
          seen.add(c.stopRequested());
          return Progress.again(S);
        });
    runner[0] = runner(TaskLimits.DEFAULTS);
    drive(runner[0]);
    assertThat(seen).containsExactly(false, true);
  }

  @Test
  void aStepBlockedPastItsDeadlineShouldBeInterruptedAfterTheGrace() {
    List<Boolean> interrupt = new ArrayList<>();
    TaskRunner[] runner = new TaskRunner[1];
    task.on(
        TaskPhase.WORKLOAD,
        (c, t) -> {
          // A hung step: time passes inside it; the marathon's watchdog asks the runner meanwhile.
          now = t + 10 * S;
          interrupt.add(runner[0].shouldInterrupt(now));
          now = t + 10 * S + TaskRunner.STEP_GRACE.toNanos();
          interrupt.add(runner[0].shouldInterrupt(now));
          throw new InterruptedException("interrupted by the watchdog");
        });
    runner[0] =
        runner(
            new TaskLimits(
                Duration.ofHours(1), Map.of(TaskPhase.WORKLOAD, Duration.ofSeconds(10))));

    TaskResult r = drive(runner[0]);

    assertThat(interrupt).containsExactly(false, true);
    assertThat(runner[0].shouldInterrupt(now)).as("no step in progress").isFalse();
    assertThat(r.run().end()).as("the interruption is the timeout's").isEqualTo(RunEnd.TIMED_OUT);
    assertThat(r.verdicts()).extracting(Verdict::checker).containsExactly("task-timeout");
    assertThat(task.log).endsWith("cleanup@15");
  }

  @Test
  void cleanupThatThrowsIsAnErrorVerdict() {
    task.checker(passing())
        .on(
            TaskPhase.CLEANUP,
            (c, t) -> {
              throw new IllegalStateException("topic still there");
            });
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.verdicts().get(0).summary()).contains("cleanup threw", "topic still there");
  }

  @Test
  void cleanupThatHangsIsCutAtItsLimit() {
    task.checker(passing()).on(TaskPhase.CLEANUP, (c, t) -> Progress.again(S));
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(r.verdicts().get(0).summary()).isEqualTo("cleanup ran past its limit");
    assertThat(now).isEqualTo(TaskLimits.DEFAULT_CLEANUP.toNanos());
  }

  @Test
  void aStopDuringCleanupShortensItSoTheProcessCanExit() {
    TaskRunner[] runner = new TaskRunner[1];
    task.on(
        TaskPhase.CLEANUP,
        (c, t) -> {
          runner[0].requestStop();
          return Progress.again(S);
        });
    runner[0] = runner(TaskLimits.DEFAULTS);
    drive(runner[0]);
    assertThat(now).isEqualTo(TaskRunner.CLEANUP_AFTER_STOP.toNanos());
  }

  @Test
  void aCheckerThatThrowsIsErrorAndOneThatSaysNothingIsInconclusive() {
    task.checker(
            new Checker() {
              @Override
              public String name() {
                return "broken";
              }

              @Override
              public List<Verdict> check(RecordedRun run) {
                throw new IllegalStateException("oops");
              }
            })
        .checker(
            new Checker() {
              @Override
              public String name() {
                return "silent";
              }

              @Override
              public List<Verdict> check(RecordedRun run) {
                return List.of();
              }
            });
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(r.verdicts())
        .extracting(Verdict::checker, Verdict::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("broken", Outcome.ERROR),
            org.assertj.core.groups.Tuple.tuple("silent", Outcome.INCONCLUSIVE));
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
  }

  @Test
  void aRunWithoutCheckersIsInconclusiveNotPass() {
    assertThat(drive(runner(TaskLimits.DEFAULTS)).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void aFailBeatsEveryOtherOutcome() {
    task.checker(passing())
        .checker(failing())
        .checker(ScriptedTask.always(Verdict.inconclusive("i", "no data", "")));
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(events)
        .filteredOn(e -> e.kind() == EventKind.VERDICT)
        .extracting(Event::severity)
        .containsExactly(Severity.INFO, Severity.CRITICAL, Severity.WARNING);
  }

  @Test
  void unmetRequirementsRunNoPhaseAndAreInconclusive() {
    task.requirements = Requirements.NONE.withMinBrokers(5);
    task.checker(passing());
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(task.log).isEmpty();
    assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(r.verdicts().get(0).summary())
        .isEqualTo("not run: needs 5 brokers, the cluster has 3");
  }

  @Test
  void killingTasksOnAClusterWithoutKillCommandsAreNotRun() {
    cluster.embedded = false;
    cluster.killable = false;
    task.requirements = Requirements.NONE.killingBrokers();
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(r.verdicts().get(0).summary()).contains("--kill-broker-cmd");
    task.requirements = Requirements.NONE.embedded();
    assertThat(Requirements.unmet(task.requirements, cluster)).contains("embedded");
  }

  @Test
  void observationsAndFiguresReachTheCheckers() {
    ObservationKey<String> key = ObservationKey.of("k", String.class);
    task.on(
            TaskPhase.WORKLOAD,
            (c, t) -> {
              c.record(key, "seen");
              c.figure(new Figure("mb-per-s", 12.5, "MB/s"));
              return Progress.DONE;
            })
        .checker(
            new Checker() {
              @Override
              public String name() {
                return "reads";
              }

              @Override
              public List<Verdict> check(RecordedRun run) {
                return List.of(
                    run.observation(key)
                        .map(v -> Verdict.pass("reads", v, v))
                        .orElse(Verdict.inconclusive("reads", "nothing", "")));
              }
            });
    TaskResult r = drive(runner(TaskLimits.DEFAULTS));
    assertThat(r.verdicts().get(0).summary()).isEqualTo("seen");
    assertThat(r.run().figure("mb-per-s").orElseThrow().value()).isEqualTo(12.5);
    assertThat(r.run().observation(ObservationKey.of("k", Integer.class))).isEmpty();
  }

  @Test
  void verdictsMustCarryTheSeverityTheirOutcomeImplies() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Verdict("c", Outcome.PASS, Severity.CRITICAL, "s", "e"))
        .hasMessageContaining("must have severity INFO");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Verdict.fail("c", Severity.WARNING, "s", "e"))
        .hasMessageContaining("must have severity ERROR");
  }

  @Test
  void afterAStopCleanupIsInterruptedAtItsLimitAndTheRunIsOverdueAtFinishAfterStop() {
    TaskRunner[] r = new TaskRunner[1];
    long[] stopAt = {-1};
    List<Boolean> seen = new ArrayList<>();
    task.on(
            TaskPhase.WORKLOAD,
            (c, t) -> {
              stopAt[0] = now;
              r[0].requestStop();
              return Progress.again(S);
            })
        .on(
            TaskPhase.CLEANUP,
            (c, t) -> {
              long stop = stopAt[0];
              seen.add(r[0].shouldInterrupt(stop + 20 * S - 1));
              seen.add(r[0].shouldInterrupt(stop + 20 * S)); // no grace after a stop's 20 s
              seen.add(r[0].overdueAfterStop(stop + 22 * S - 1));
              seen.add(r[0].overdueAfterStop(stop + 22 * S));
              return Progress.DONE;
            });
    r[0] = runner(TaskLimits.DEFAULTS);

    TaskResult res = drive(r[0]);

    assertThat(seen).containsExactly(false, true, false, true);
    assertThat(r[0].overdueAfterStop(stopAt[0] + 30 * S)).as("not once it ended").isFalse();
    assertThat(res.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }

  @Test
  void finishNowJudgesWhatWasRecordedWithAnErrorAndClosesTheWorkers() {
    TaskRunner[] r = new TaskRunner[1];
    TaskResult[] finished = new TaskResult[1];
    task.checker(failing())
        .on(
            TaskPhase.PREPARE,
            (c, t) -> {
              c.newWorker();
              return Progress.DONE;
            })
        .on(
            TaskPhase.WORKLOAD,
            (c, t) -> {
              // what the watching thread does when this one is stuck here
              finished[0] = r[0].finishNow(t + 3 * S, "given up");
              return Progress.again(S);
            });
    r[0] = runner(TaskLimits.DEFAULTS);

    TaskResult res = drive(r[0]);

    assertThat(res).isSameAs(finished[0]);
    assertThat(r[0].finishNow(now, "again")).as("once").isSameAs(res);
    // The checkers still judge what was recorded: a FAIL they find outranks the ERROR.
    assertThat(res.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(res.run().end()).isEqualTo(RunEnd.TASK_ERROR);
    assertThat(res.run().endDetail()).isEqualTo("given up");
    assertThat(res.verdicts())
        .extracting(Verdict::checker, Verdict::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("task-timeout", Outcome.ERROR),
            org.assertj.core.groups.Tuple.tuple("c", Outcome.FAIL));
    assertThat(res.run().phases())
        .extracting(PhaseTiming::phase, PhaseTiming::completed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TaskPhase.PREPARE, true),
            org.assertj.core.groups.Tuple.tuple(TaskPhase.WARM_UP, true),
            org.assertj.core.groups.Tuple.tuple(TaskPhase.WORKLOAD, false));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> workersClosed == 1);
  }

  /** A worker that only counts being closed. */
  private final class ClosingWorker implements Worker {
    @Override
    public void startConsumerGroup(List<ConsumerAssignment> consumers, boolean catchUp) {}

    @Override
    public void startProducers(List<ProducerAssignment> producers) {}

    @Override
    public PeriodStats periodStats() {
      throw new UnsupportedOperationException();
    }

    @Override
    public WorkerTotals totals() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void endWarmup() {}

    @Override
    public void stopProducers() {}

    @Override
    public boolean hasDrained() {
      return true;
    }

    @Override
    public WorkerResult finish() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      workersClosed++;
    }
  }
}
