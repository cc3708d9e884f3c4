package dev.ballast.app.marathon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Event;
import dev.ballast.app.task.EventSink;
import dev.ballast.app.task.FakeCluster;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.ScriptedTask;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskEntry;
import dev.ballast.app.task.TaskLimits;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskPhase;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.TaskType;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marathon loop on scripted tasks and a fake cluster: rounds, files, index, stop. */
class MarathonTest {

  @TempDir Path dir;
  private final List<TaskResult> ended = new CopyOnWriteArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private Marathon marathon;
  private int round;
  private boolean profile;

  private static final Checker PASS = ScriptedTask.always(Verdict.pass("c", "fine", ""));

  /** A type whose tasks come from {@code tasks}. */
  static TaskType<Object> type(String name, Supplier<Task> tasks) {
    return new TaskType<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return name;
      }

      @Override
      public Class<Object> configType() {
        return Object.class;
      }

      @Override
      public Task create(Object config, TaskOptions options) {
        return tasks.get();
      }
    };
  }

  static TaskEntry entry(String name, Supplier<Task> tasks) {
    return new TaskEntry(name, type(name, tasks), new Object(), TaskLimits.DEFAULTS, List.of());
  }

  private Marathon.Totals run(int rounds, List<TaskEntry> tasks) throws Exception {
    MarathonListener listener =
        new MarathonListener() {
          @Override
          public void taskEnded(TaskResult result) {
            ended.add(result);
          }

          @Override
          public void event(Event event) {
            events.add(event);
          }
        };
    marathon =
        new Marathon(
            tasks,
            new MarathonSettings(dir, rounds, null, TaskOptions.DEFAULTS, "test", profile),
            new FakeCluster(3),
            () -> {
              throw new UnsupportedOperationException("no workers here");
            },
            NanoClock.SYSTEM,
            InstantSource.system(),
            new TaskDriver(NanoClock.SYSTEM, ParkingIdleStrategy.standard()),
            listener,
            EventSink.NONE);
    return marathon.run();
  }

  private Task passing() {
    return new ScriptedTask()
        .checker(PASS)
        .on(
            TaskPhase.WORKLOAD,
            (c, t) -> {
              c.figure(new Figure("speed", 10 + c.round(), "MB/s"));
              return Progress.DONE;
            });
  }

  private static Task throwing() {
    return new ScriptedTask()
        .checker(PASS)
        .on(
            TaskPhase.PREPARE,
            (c, t) -> {
              throw new IllegalStateException("broken task");
            });
  }

  @Test
  void runsEveryTaskEveryRoundGoesOnAfterAnErrorAndWritesTheIndex() throws Exception {
    Marathon.Totals totals =
        run(2, List.of(entry("ok", this::passing), entry("bad", MarathonTest::throwing)));

    assertThat(totals.runs()).isEqualTo(4);
    assertThat(totals.passed()).isEqualTo(2);
    assertThat(totals.stopped()).isFalse();
    assertThat(ended)
        .extracting(TaskResult::outcome)
        .containsExactly(Outcome.PASS, Outcome.ERROR, Outcome.PASS, Outcome.ERROR);
    for (String run : List.of("1-ok", "1-bad", "2-ok", "2-bad")) {
      assertThat(dir.resolve(run).resolve("events.jsonl")).isNotEmptyFile();
      assertThat(dir.resolve(run).resolve("summary.json")).isNotEmptyFile();
      assertThat(dir.resolve(run).resolve("summary.md")).isNotEmptyFile();
    }
    assertThat(Files.readAllLines(dir.resolve("1-bad/events.jsonl")))
        .anyMatch(l -> l.contains("\"kind\":\"verdict\"") && l.contains("broken task"));
    String index = Files.readString(dir.resolve("README.md"));
    assertThat(index).contains("| bad | 2 | 0 | 0 | 2 | 0 | 0% | ERROR |");
    assertThat(index).contains("| ok | 2 | 2 | 0 | 0 | 0 | 100% | PASS |");
    assertThat(index).contains("### ok.speed (MB/s)", "| 1 | 11.000 |", "| 2 | 12.000 |");
    byte[] png = Files.readAllBytes(dir.resolve("charts/ok.speed.png"));
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void aRestartOnTheSameFolderContinuesTheRoundNumbers() throws Exception {
    run(1, List.of(entry("ok", this::passing)));
    Marathon.Totals second = run(2, List.of(entry("ok", this::passing)));

    assertThat(second.firstRound()).isEqualTo(2);
    assertThat(second.lastRound()).isEqualTo(3);
    assertThat(dir.resolve("3-ok/summary.json")).isNotEmptyFile();
    assertThat(MarathonIndex.read(dir)).extracting(RunSummary::round).containsExactly(1, 2, 3);
    assertThat(Files.readString(dir.resolve("README.md"))).contains("| ok | 3 | 3 |");
  }

  @Test
  void aStopEndsTheCurrentTaskWhichCleansUpAndNoOtherTaskStarts() throws Exception {
    List<String> cleaned = new ArrayList<>();
    Supplier<Task> stopping =
        () ->
            new ScriptedTask()
                .on(
                    TaskPhase.WORKLOAD,
                    (c, t) -> {
                      marathon.requestStop();
                      return Progress.again(1_000_000L);
                    })
                .on(
                    TaskPhase.CLEANUP,
                    (c, t) -> {
                      cleaned.add(c.taskName());
                      return Progress.DONE;
                    });

    Marathon.Totals totals =
        run(0, List.of(entry("stops", stopping), entry("never", this::passing)));

    assertThat(totals.stopped()).isTrue();
    assertThat(cleaned).containsExactly("stops");
    assertThat(ended).extracting(TaskResult::outcome).containsExactly(Outcome.INCONCLUSIVE);
    assertThat(dir.resolve("1-never")).doesNotExist();
    assertThat(Files.readString(dir.resolve("README.md")))
        .contains("| stops | 1 | 0 | 0 | 0 | 1 |");
  }

  @Test
  void aTaskThatCannotBeCreatedIsAnErrorAndTheLoopGoesOn() throws Exception {
    Supplier<Task> broken =
        () -> {
          throw new IllegalArgumentException("bad config");
        };
    run(1, List.of(entry("broken", broken), entry("ok", this::passing)));
    assertThat(ended).extracting(TaskResult::outcome).containsExactly(Outcome.ERROR, Outcome.PASS);
    assertThat(ended.get(0).verdicts().get(0).summary())
        .contains("could not be created", "bad config");
  }

  /** A JFR event the scripted tasks commit in a phase, to see which phases a recording covers. */
  @Name("ballast.test.Phase")
  static final class PhaseEvent extends jdk.jfr.Event {
    @Label("task")
    String task;

    @Label("phase")
    String phase;
  }

  private static Progress mark(dev.ballast.app.task.TaskContext c, TaskPhase phase) {
    PhaseEvent e = new PhaseEvent();
    e.task = c.taskName();
    e.phase = phase.label();
    e.commit();
    return Progress.DONE;
  }

  /** A task that marks its prepare and cleanup, and whose workload does {@code workload}. */
  private static Task marked(ScriptedTask.Step workload) {
    return new ScriptedTask()
        .checker(PASS)
        .on(TaskPhase.PREPARE, (c, t) -> mark(c, TaskPhase.PREPARE))
        .on(TaskPhase.WORKLOAD, workload)
        .on(TaskPhase.CLEANUP, (c, t) -> mark(c, TaskPhase.CLEANUP));
  }

  @Test
  void withProfileEveryRunHasARecordingFromPrepareToCleanupAlsoWhenItFailsOrTimesOut()
      throws Exception {
    profile = true;
    TaskEntry timesOut =
        new TaskEntry(
            "slow",
            type("slow", () -> marked((c, t) -> Progress.again(1_000_000L))),
            new Object(),
            new TaskLimits(
                java.time.Duration.ofMinutes(1),
                java.util.Map.of(TaskPhase.WORKLOAD, java.time.Duration.ofMillis(300))),
            List.of());

    run(
        1,
        List.of(
            entry("ok", () -> marked((c, t) -> Progress.DONE)),
            entry(
                "bad",
                () ->
                    marked(
                        (c, t) -> {
                          throw new IllegalStateException("broken workload");
                        })),
            timesOut));

    assertThat(ended)
        .extracting(TaskResult::outcome)
        .containsExactly(Outcome.PASS, Outcome.ERROR, Outcome.FAIL);
    for (String task : List.of("ok", "bad", "slow")) {
      Path file = dir.resolve("1-" + task).resolve(RunProfile.FILE);
      assertThat(file).isNotEmptyFile();
      List<RecordedEvent> recorded = RecordingFile.readAllEvents(file);
      assertThat(recorded)
          .as("%s: a recording of the process", task)
          .anyMatch(e -> e.getEventType().getName().startsWith("jdk."));
      assertThat(
              recorded.stream()
                  .filter(e -> e.getEventType().getName().equals("ballast.test.Phase"))
                  .filter(e -> e.getString("task").equals(task))
                  .map(e -> e.getString("phase")))
          .as("%s: the recording covers prepare to cleanup", task)
          .containsExactly("prepare", "cleanup");
    }
  }

  @Test
  void withoutProfileNoRecordingIsWritten() throws Exception {
    run(1, List.of(entry("ok", this::passing)));
    assertThat(dir.resolve("1-ok").resolve(RunProfile.FILE)).doesNotExist();
  }
}
