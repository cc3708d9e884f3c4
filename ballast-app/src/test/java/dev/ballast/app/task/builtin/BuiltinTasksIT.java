package dev.ballast.app.task.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RunContext;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskAdmin;
import dev.ballast.app.task.TaskLimits;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.TaskRunner;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.LocalWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * catch-up-read and throughput on a real 3-broker cluster, run by the real {@link TaskRunner}: each
 * passes on a healthy cluster, and each of their checkers is shown to fail on a broken case.
 */
class BuiltinTasksIT {

  private static EmbeddedKafkaCluster kafka;
  private static EmbeddedTaskCluster cluster;
  private static final AtomicLong RUN = new AtomicLong(1);

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafkaCluster.start(3);
    cluster = new EmbeddedTaskCluster(kafka);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private TaskResult run(String name, Task task) {
    RunContext context =
        new RunContext(
            name,
            1,
            RUN.getAndIncrement(),
            true,
            cluster,
            LocalWorker::create,
            NanoClock.SYSTEM,
            Instant.now(),
            dir,
            e -> {});
    TaskRunner runner =
        new TaskRunner(
            name, task, new TaskLimits(Duration.ofMinutes(4), Map.of()), List.of(), context);
    ParkingIdleStrategy idle = ParkingIdleStrategy.standard();
    while (!runner.isDone()) {
      long now = System.nanoTime();
      if (runner.doWork(now) == 0) {
        idle.idle(0, runner.nanosUntilWork(now));
      }
    }
    return runner.result();
  }

  private static Verdict verdict(TaskResult r, String checker) {
    return r.verdicts().stream().filter(v -> v.checker().equals(checker)).findFirst().orElseThrow();
  }

  private static CatchUpReadConfig catchUp(int mib, Duration deadline) {
    return new CatchUpReadConfig(mib, mib, deadline, 3, 3, 1024, 1);
  }

  @Test
  void catchUpReadReadsTheWholeBacklogOnceAndReportsItsRate() {
    TaskResult r =
        run("catch-up-read", new CatchUpReadTask(catchUp(20, Duration.ofMinutes(2)), true));

    assertThat(r.outcome()).as(r.verdicts().toString()).isEqualTo(Outcome.PASS);
    assertThat(verdict(r, "continuity").summary()).contains("each read exactly once");
    assertThat(r.run().figure("catch-up-mb-per-s").orElseThrow().value()).isPositive();
    assertThat(r.run().observation(CatchUp.KEY).orElseThrow().backlogBytes())
        .isGreaterThanOrEqualTo(20L << 20);
    try (TaskAdmin admin = new TaskAdmin(cluster, Duration.ofSeconds(10))) {
      assertThat(
              admin.admin().listTopics().names().toCompletionStage().toCompletableFuture().join())
          .as("cleanup deleted the topic")
          .noneMatch(t -> t.startsWith("ballast-marathon-catch-up-read"));
    }
  }

  @Test
  void aDeadlineTooShortIsAnErrorVerdict() {
    TaskResult r =
        run("catch-up-short", new CatchUpReadTask(catchUp(10, Duration.ofMillis(1)), true));

    Verdict deadline = verdict(r, CatchUpCheck.NAME);
    assertThat(deadline.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(deadline.severity()).isEqualTo(Severity.ERROR);
    assertThat(deadline.summary()).isEqualTo("the backlog was not read within PT0.001S");
    assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void recordsDeletedBeforeTheReadAreLost() {
    Task task =
        new CatchUpReadTask(
            catchUp(5, Duration.ofMinutes(2)),
            true,
            (context, topic) -> {
              try (TaskAdmin admin = new TaskAdmin(context.cluster(), Duration.ofSeconds(10))) {
                admin
                    .admin()
                    .deleteRecords(
                        Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(100)))
                    .all()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
              }
            });

    TaskResult r = run("catch-up-deleted", task);

    Verdict continuity = verdict(r, ContinuityCheck.NAME);
    assertThat(continuity.outcome()).as(continuity.toString()).isEqualTo(Outcome.FAIL);
    assertThat(continuity.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(continuity.summary()).isEqualTo("100 acknowledged message(s) lost");
  }

  @Test
  void throughputHoldsItsRateAndAnImpossibleLatencyLimitFails() {
    ThroughputConfig config =
        new ThroughputConfig(
            300.0,
            512,
            Duration.ofSeconds(15),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            0.10,
            Duration.ofNanos(1000),
            3,
            3,
            Duration.ofSeconds(30));
    TaskResult r = run("throughput", new ThroughputTask(config, true));

    assertThat(verdict(r, "throughput-window").outcome())
        .as(r.verdicts().toString())
        .isEqualTo(Outcome.PASS);
    assertThat(verdict(r, "continuity").outcome()).isEqualTo(Outcome.PASS);
    Verdict p99 = verdict(r, "produce-p99");
    assertThat(p99.outcome()).as("no produce takes under 1 us").isEqualTo(Outcome.FAIL);
    assertThat(p99.severity()).isEqualTo(Severity.ERROR);
    assertThat(r.run().observation(Windows.KEY).orElseThrow().windows()).hasSize(3);
  }
}
