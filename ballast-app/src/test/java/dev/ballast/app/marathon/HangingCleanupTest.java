package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Event;
import dev.ballast.app.task.EventSink;
import dev.ballast.app.task.FakeCluster;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.ScriptedTask;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.TaskRunner;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.loop.ParkingIdleStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marathon's last resort after a stop (SIGTERM): a cleanup that hangs and swallows interrupts
 * is given up on {@link TaskRunner#FINISH_AFTER_STOP} after the stop, the run is judged on what it
 * recorded and the index is written. On a fake clock that the watch advances by 250 ms.
 */
class HangingCleanupTest {

  private static final long S = 1_000_000_000L;

  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger interrupts = new AtomicInteger();
  private final List<TaskResult> ended = new CopyOnWriteArrayList<>();
  private volatile long stoppedAt = -1;
  private volatile long cleanupStartedAt = -1;
  private Marathon marathon;

  @AfterEach
  void releaseTheHungThread() {
    release.countDown();
  }

  /** Stops the marathon in its workload, then hangs in cleanup until the test ends. */
  private Task hanging() {
    return new ScriptedTask()
        .on(
            TaskPhase.WORKLOAD,
            (c, t) -> {
              c.record(dev.ballast.app.task.ObservationKey.of("seen", String.class), "workload");
              stoppedAt = now.get();
              marathon.requestStop();
              return Progress.again(S);
            })
        .on(
            TaskPhase.CLEANUP,
            (c, t) -> {
              cleanupStartedAt = now.get();
              while (true) {
                try {
                  release.await();
                  return Progress.DONE;
                } catch (InterruptedException e) {
                  interrupts.incrementAndGet(); // a cleanup that ignores interrupts
                }
              }
            });
  }

  @Test
  void aCleanupThatHangsAfterAStopIsGivenUpOnInTimeAndTheMarathonEnds() throws Exception {
    Supplier<Task> tasks = this::hanging;
    MarathonListener listener =
        new MarathonListener() {
          @Override
          public void taskEnded(TaskResult result) {
            ended.add(result);
          }

          @Override
          public void tick() {
            now.addAndGet(S / 4);
          }

          @Override
          public void event(Event event) {}
        };
    marathon =
        new Marathon(
            List.of(MarathonTest.entry("hangs", tasks), MarathonTest.entry("never", tasks)),
            new MarathonSettings(dir, 0, null, TaskOptions.DEFAULTS, "test", false),
            new FakeCluster(3),
            () -> {
              throw new UnsupportedOperationException("no workers here");
            },
            now::get,
            InstantSource.system(),
            new TaskDriver(now::get, new ParkingIdleStrategy(0, 1_000_000), Duration.ofMillis(1)),
            listener,
            EventSink.NONE);

    Marathon.Totals totals = marathon.run();
    long endedAt = now.get();

    assertThat(totals.stopped()).isTrue();
    assertThat(totals.runs()).isEqualTo(1);
    assertThat(cleanupStartedAt).as("cleanup started").isGreaterThanOrEqualTo(stoppedAt);
    assertThat(interrupts.get()).as("the hung cleanup was interrupted first").isPositive();
    // Given up on 22 s after the stop (one 250 ms watch of slack), within SIGTERM's 30 s.
    assertThat(endedAt - stoppedAt)
        .isBetween(
            TaskRunner.FINISH_AFTER_STOP.toNanos(), TaskRunner.FINISH_AFTER_STOP.toNanos() + S / 2);
    assertThat(ended).hasSize(1);
    TaskResult r = ended.get(0);
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.verdicts()).extracting(Verdict::checker).containsExactly("runner", "task-timeout");
    assertThat(r.verdicts().get(1).summary())
        .isEqualTo(
            "the run had not ended 22 s after the stop (a cleanup that hangs); it was abandoned and"
                + " may have left resources behind");
    assertThat(r.run().observations()).containsEntry("seen", "workload");
    assertThat(r.run().phases())
        .extracting(p -> p.phase())
        .containsExactly(
            TaskPhase.PREPARE, TaskPhase.WARM_UP, TaskPhase.WORKLOAD, TaskPhase.CLEANUP);
    assertThat(dir.resolve("1-hangs/summary.json")).isNotEmptyFile();
    assertThat(Files.readString(dir.resolve("README.md"))).contains("| hangs | 1 |");
    assertThat(dir.resolve("1-never")).doesNotExist();
  }
}
