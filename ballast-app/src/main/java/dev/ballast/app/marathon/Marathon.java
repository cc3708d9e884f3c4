package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Event;
import dev.ballast.app.task.EventSink;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Progress;
import dev.ballast.app.task.RunContext;
import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.app.task.TaskContext;
import dev.ballast.app.task.TaskEntry;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.TaskRunner;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * The marathon loop: round after round, every task of the list in order, each run by a {@link
 * TaskRunner} on its own thread; after each run its summary and the index are written and the
 * listeners (alerts, metrics, dashboard) told. A stop request ends the current task (it cleans up
 * and is judged), writes the index and returns.
 */
public final class Marathon {

  private final List<TaskEntry> tasks;
  private final MarathonSettings settings;
  private final TaskCluster cluster;
  private final Supplier<Worker> workers;
  private final NanoClock clock;
  private final InstantSource wall;
  private final TaskDriver driver;
  private final MarathonListener listener;
  private final EventSink console;
  private volatile boolean stopRequested;
  private volatile TaskRunner current;

  /** The totals of a marathon. */
  /**
   * What a marathon did.
   *
   * @param runs the task runs
   * @param passed the runs that passed
   * @param firstRound the first round of this marathon (after a restart: the next one)
   * @param lastRound the last round a task ran in (firstRound - 1 when none ran)
   * @param stopped whether a stop request ended it
   */
  public record Totals(int runs, int passed, int firstRound, int lastRound, boolean stopped) {}

  /** Creates a marathon of {@code tasks} on {@code cluster}. */
  public Marathon(
      List<TaskEntry> tasks,
      MarathonSettings settings,
      TaskCluster cluster,
      Supplier<Worker> workers,
      NanoClock clock,
      InstantSource wall,
      TaskDriver driver,
      MarathonListener listener,
      EventSink console) {
    this.tasks = List.copyOf(tasks);
    this.settings = requireNonNull(settings, "settings");
    this.cluster = requireNonNull(cluster, "cluster");
    this.workers = requireNonNull(workers, "workers");
    this.clock = requireNonNull(clock, "clock");
    this.wall = requireNonNull(wall, "wall");
    this.driver = requireNonNull(driver, "driver");
    this.listener = requireNonNull(listener, "listener");
    this.console = requireNonNull(console, "console");
  }

  /** Asks the marathon to stop: the current task ends, cleans up and is judged. Any thread. */
  public void requestStop() {
    stopRequested = true;
    TaskRunner r = current;
    if (r != null) {
      r.requestStop();
    }
  }

  /** Runs the marathon and returns its totals. */
  public Totals run() throws IOException, InterruptedException {
    int first = MarathonIndex.lastRound(settings.dir()) + 1;
    long start = clock.nanoTime();
    int runs = 0;
    int passed = 0;
    int round = first;
    int last = first - 1;
    try {
      while (!stopRequested && (settings.rounds() == 0 || round < first + settings.rounds())) {
        for (TaskEntry entry : tasks) {
          if (stopRequested || timeUp(start)) {
            break;
          }
          TaskResult r = runOne(round, entry);
          last = round;
          runs++;
          passed += r.outcome() == Outcome.PASS ? 1 : 0;
        }
        if (timeUp(start)) {
          break;
        }
        round++;
      }
    } finally {
      MarathonIndex.write(settings.dir(), "Marathon " + settings.dir().getFileName());
      listener.marathonEnded();
    }
    return new Totals(runs, passed, first, last, stopRequested);
  }

  private boolean timeUp(long start) {
    return settings.duration() != null && clock.nanoTime() - start >= settings.duration().toNanos();
  }

  private TaskResult runOne(int round, TaskEntry entry) throws IOException, InterruptedException {
    Path dir = settings.dir().resolve(round + "-" + entry.name());
    TaskResult result;
    try (RunFiles files = new RunFiles(dir);
        RunProfile profile = profile(round, entry, dir, files)) {
      EventSink sink = files.andThen(console).andThen(this::tell);
      java.time.Instant started = wall.instant();
      RunContext context =
          new RunContext(
              entry.name(),
              round,
              ((long) round << 20) ^ (wall.millis() & 0xFFFFF),
              settings.options().quick(),
              cluster,
              workers,
              clock,
              started,
              dir,
              sink);
      TaskRunner runner =
          new TaskRunner(
              entry.type().name(), create(entry), entry.limits(), entry.checkers(), context);
      listener.taskStarted(round, entry.name(), entry.type().name());
      current = runner;
      if (stopRequested) {
        runner.requestStop();
      }
      boolean ended = driver.run(entry.name(), runner, listener::tick);
      current = null;
      result = ended ? runner.result() : runner.finishNow(clock.nanoTime(), abandoned(runner));
      files.writeSummary(RunSummary.of(result, started));
    }
    listener.phase(entry.name(), null);
    listener.taskEnded(result);
    MarathonIndex.write(settings.dir(), "Marathon " + settings.dir().getFileName());
    return result;
  }

  /** Starts the run's JFR recording with {@code --profile}; one that fails is a note, no more. */
  private RunProfile profile(int round, TaskEntry entry, Path dir, EventSink files) {
    try {
      return RunProfile.start(settings.profile(), dir, round + "-" + entry.name());
    } catch (IOException | RuntimeException e) {
      Event note =
          new Event(
              wall.instant(),
              round,
              entry.name(),
              null,
              dev.ballast.app.task.EventKind.NOTE,
              dev.ballast.app.task.Severity.WARNING,
              null,
              "no JFR profile for this run: " + e.getMessage());
      files.andThen(console).accept(note);
      return RunProfile.none();
    }
  }

  private void tell(Event e) {
    listener.event(e);
    if (e.kind() == dev.ballast.app.task.EventKind.PHASE && e.message().endsWith(" started")) {
      listener.phase(e.task(), e.phase());
    }
  }

  /** Returns the entry's task, or one that reports why it could not be created. */
  private Task create(TaskEntry entry) {
    try {
      return entry.create(settings.options());
    } catch (RuntimeException e) {
      return new Task() {
        @Override
        public Progress prepare(TaskContext context, long now) {
          throw new IllegalStateException("the task could not be created: " + e.getMessage(), e);
        }

        @Override
        public Progress workload(TaskContext context, long now) {
          return Progress.DONE;
        }

        @Override
        public Progress cleanup(TaskContext context, long now) {
          return Progress.DONE;
        }

        @Override
        public List<Checker> checkers() {
          return List.of();
        }
      };
    }
  }

  /** Returns why {@code runner}'s thread was given up on. */
  private static String abandoned(TaskRunner runner) {
    return runner.stopRequested()
        ? "the run had not ended "
            + TaskRunner.FINISH_AFTER_STOP.toSeconds()
            + " s after the stop (a cleanup that hangs); it was abandoned and may have left"
            + " resources behind"
        : "the task's thread did not return within "
            + TaskDriver.ABANDON_AFTER.toSeconds()
            + " s of an interrupt; it was abandoned and may have left resources behind";
  }
}
