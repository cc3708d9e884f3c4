package dev.ballast.app.load;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.worker.RemoteLoad;
import dev.ballast.app.worker.RemoteSummary;
import dev.ballast.app.worker.WorkersOption;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.rate.ParkingIdleStrategy;
import dev.ballast.workload.remote.RemoteWorkers;
import dev.ballast.workload.spec.Durations;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.TopicPreparer;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkloadResult;
import dev.ballast.workload.worker.WorkloadRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs one workload for a load command: opens the cluster, creates topics, runs the workload on a
 * local worker with a line of figures every period, and prints and writes the result. Ctrl-C stops
 * the producers and still prints what was measured.
 */
final class LoadSession {

  private final LoadOptions options;
  private final PrintWriter out;
  private final PrintWriter err;

  private final WorkersOption workers;

  LoadSession(LoadOptions options, PrintWriter out, PrintWriter err) {
    this(options, out, err, null);
  }

  /** Creates a session that runs on worker processes when {@code workers} asks for them. */
  LoadSession(LoadOptions options, PrintWriter out, PrintWriter err, WorkersOption workers) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.workers = workers;
  }

  /** Runs {@code spec}; returns 0 when the continuity verdict is clean (or unchecked), else 1. */
  int run(WorkloadSpec spec) {
    CountDownLatch done = new CountDownLatch(1);
    try {
      return run(spec, done);
    } finally {
      done.countDown();
    }
  }

  private int run(WorkloadSpec spec, CountDownLatch done) {
    Duration interval = parseInterval();
    PrintWriter log = options.json ? err : out;
    try (LoadTarget target = LoadTarget.open(options, log)) {
      log.println("running workload '" + spec.name() + "' on the " + target.description());
      log.flush();
      try (Admin admin = Admin.create(target.clientConfig())) {
        new TopicPreparer(admin, options.connection.timeout())
            .prepare(spec.topics())
            .forEach(log::println);
      } catch (IllegalStateException e) {
        throw new UserException(e.getMessage(), 3);
      }
      WorkloadResult result;
      try (Worker worker = openWorker(target, log)) {
        WorkloadRun run =
            new WorkloadRun(
                spec,
                worker,
                target.clientConfig(),
                NanoClock.SYSTEM,
                listener(log),
                new SecureRandom().nextLong() >>> 16,
                interval);
        // Ctrl-C: stop the producers, let the run finish, and print before the JVM exits.
        Thread hook =
            new Thread(
                () -> {
                  run.requestStop();
                  try {
                    done.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "ballast-load-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (worker instanceof RemoteWorkers remote) {
          remote.onInconclusive(run::requestStop);
        }
        try {
          result = run.run(ParkingIdleStrategy.standard());
        } catch (IllegalStateException | IllegalArgumentException e) {
          throw new UserException(e.getMessage(), 3);
        } finally {
          removeHook(hook);
        }
        if (worker instanceof RemoteWorkers remote) {
          RemoteSummary.print(remote, log);
        }
      }
      LoadReport report = new LoadReport(result.clean(), target.description(), result);
      Path file = options.resultsFile != null ? options.resultsFile : defaultFile(spec);
      report.write(file);
      if (options.json) {
        out.println(report.toJson());
        out.flush();
      } else {
        report.print(out);
      }
      log.println("results: " + file);
      log.flush();
      return result.clean() ? 0 : 1;
    }
  }

  private Worker openWorker(LoadTarget target, PrintWriter log) {
    if (workers == null || !workers.isRemote()) {
      return LocalWorker.create();
    }
    return RemoteLoad.open(workers, target.clientConfig(), listener(log), log);
  }

  private RunListener listener(PrintWriter log) {
    return new RunListener() {
      @Override
      public void onPeriod(PeriodStats stats) {
        log.println(stats.describe());
        log.flush();
      }

      @Override
      public void onEvent(String event) {
        log.println(event);
        log.flush();
      }
    };
  }

  private Duration parseInterval() {
    try {
      Duration d = Durations.parse(options.reportInterval);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("must be > 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new UserException("--report-interval: " + e.getMessage());
    }
  }

  private static Path defaultFile(WorkloadSpec spec) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String name = spec.name().replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of("results", "load-" + name + "-" + stamp + ".json");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook is running and will see done.
    }
  }
}
