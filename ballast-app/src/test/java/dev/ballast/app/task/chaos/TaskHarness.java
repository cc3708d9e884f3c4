package dev.ballast.app.task.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Event;
import dev.ballast.app.task.RunContext;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.app.task.TaskLimits;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.TaskRunner;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.LocalWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Drives one task to its end on a real cluster with the real clock, for the task ITs. */
public final class TaskHarness {

  private static final AtomicLong RUN_IDS = new AtomicLong(System.nanoTime() >>> 24);

  private TaskHarness() {}

  /**
   * Returns the broker settings of the task ITs' embedded clusters: internal topics replicated, so
   * a broker's death takes down no consumer group or transaction coordinator for good.
   */
  public static ClusterSpec spec(Map<String, String> more) {
    Map<String, String> config = new java.util.HashMap<>(more);
    config.put("offsets.topic.replication.factor", "3");
    config.put("transaction.state.log.replication.factor", "3");
    config.put("transaction.state.log.min.isr", "2");
    return ClusterSpec.ofBrokers(3).withBrokerConfig(config);
  }

  /** Runs {@code task} on {@code cluster} to its end and returns the judged result. */
  public static TaskResult run(String type, Task task, TaskCluster cluster, Path results) {
    List<Event> events = new CopyOnWriteArrayList<>();
    RunContext context =
        new RunContext(
            type,
            1,
            RUN_IDS.incrementAndGet(),
            true,
            cluster,
            LocalWorker::create,
            NanoClock.SYSTEM,
            Instant.now(),
            results,
            events::add);
    TaskRunner runner =
        new TaskRunner(
            type, task, new TaskLimits(Duration.ofMinutes(5), Map.of()), List.of(), context);
    ParkingIdleStrategy idle = new ParkingIdleStrategy(0, 50_000_000L);
    while (!runner.isDone()) {
      long now = NanoClock.SYSTEM.nanoTime();
      if (runner.doWork(now) == 0) {
        idle.idle(0, runner.nanosUntilWork(now));
      }
    }
    TaskResult result = runner.result();
    System.out.println(type + ": " + result.outcome());
    result.verdicts().forEach(v -> System.out.println("  " + describe(v)));
    result.run().figures().forEach(f -> System.out.println("  figure " + f));
    result
        .run()
        .phases()
        .forEach(
            p ->
                System.out.printf(
                    "  phase %s %.1f s%n", p.phase(), (p.endNanos() - p.startNanos()) / 1e9));
    events.forEach(e -> System.out.println("  event " + e));
    assertThat(result).isNotNull();
    return result;
  }

  /** Returns a verdict on one line. */
  public static String describe(Verdict v) {
    return v.checker()
        + " "
        + v.outcome()
        + " ("
        + v.severity().label()
        + "): "
        + v.summary()
        + " | "
        + v.evidence();
  }
}
