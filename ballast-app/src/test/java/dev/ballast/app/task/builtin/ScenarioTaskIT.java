package dev.ballast.app.task.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.FakeCluster;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.RunContext;
import dev.ballast.app.task.TaskLimits;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.TaskRunner;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.LocalWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marathon's {@code scenario} task on the test's thread, stepped by a {@link TaskRunner} as the
 * marathon steps it: the scenario starts its own embedded cluster in prepare, runs without a thread
 * of its own, writes demo's reports into the run's folder and is judged PASS.
 */
class ScenarioTaskIT {

  @TempDir Path dir;

  @Test
  void trafficBasedRunsAsStepsAndEveryCheckPasses() throws Exception {
    ScenarioTask task =
        new ScenarioTask(
            new ScenarioTaskConfig("traffic-based", null), new TaskOptions(true, false));
    RunContext context =
        new RunContext(
            "traffic-based",
            1,
            1,
            true,
            new FakeCluster(3), // the marathon's cluster; the scenario starts its own
            LocalWorker::create,
            NanoClock.SYSTEM,
            Instant.now(),
            dir,
            e -> {});
    TaskRunner runner =
        new TaskRunner(
            "scenario",
            task,
            new TaskLimits(
                Duration.ofMinutes(10), Map.of(TaskPhase.CLEANUP, Duration.ofMinutes(3))),
            List.of(),
            context);
    ParkingIdleStrategy idle = ParkingIdleStrategy.standard();
    while (!runner.isDone()) {
      long now = System.nanoTime();
      if (runner.doWork(now) == 0) {
        idle.idle(0, runner.nanosUntilWork(now));
      }
    }
    TaskResult result = runner.result();
    assertThat(result.outcome())
        .as(result.verdicts().stream().map(Verdict::toString).toList().toString())
        .isEqualTo(Outcome.PASS);
    assertThat(result.verdicts())
        .extracting(Verdict::checker)
        .contains("continuity", "convergence", "charts-valid", "result-files", "scenario");
    assertThat(result.run().figure("convergence-s")).isPresent();
    assertThat(dir.resolve("scenario.log")).content().contains("[traffic-based] PASS");
    try (Stream<Path> runs = Files.list(dir)) {
      Path run =
          runs.filter(p -> p.getFileName().toString().startsWith("traffic-based-"))
              .findFirst()
              .orElseThrow();
      assertThat(run.resolve("summary.json")).content().contains("\"verdict\" : \"PASS\"");
    }
  }
}
