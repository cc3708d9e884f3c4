package dev.ballast.app.load;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.worker.RemoteLoad;
import dev.ballast.app.worker.RemoteSummary;
import dev.ballast.app.worker.WorkersOption;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.kafka.access.Refusals;
import dev.ballast.workload.rate.NanoClock;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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

  /**
   * Runs {@code spec}; returns 0 when the continuity verdict is clean (or unchecked), 1 when it is
   * violated, 5 when it is inconclusive (a group consumed nothing).
   */
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
      Set<String> missing;
      try (Admin admin = Admin.create(adminConfig(target))) {
        new TopicPreparer(admin, options.connection.timeout())
            .prepare(spec.topics())
            .forEach(log::println);
        missing = missingTopics(admin, spec, target);
      } catch (IllegalStateException e) {
        throw unreachableUnlessRefused(e);
      }
      missing.forEach(
          t ->
              log.println(
                  "topic " + t + " does not exist; the consumers wait for it and never create it"));
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
          throw unreachableUnlessRefused(e);
        } finally {
          removeHook(hook);
        }
        if (worker instanceof RemoteWorkers remote) {
          RemoteSummary.print(remote, log);
        }
      }
      LoadReport report = LoadReport.of(target.description(), result, missing);
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
      return report.exitCode();
    }
  }

  /** Returns the admin settings: the target's, with calls that give up after --timeout. */
  private Map<String, Object> adminConfig(LoadTarget target) {
    Map<String, Object> config = new HashMap<>(target.clientConfig());
    int millis = (int) Math.min(Integer.MAX_VALUE, options.connection.timeout().toMillis());
    config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    config.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    return config;
  }

  /** Returns the consumed topics that do not exist; fails with exit 3 when nobody answers. */
  private Set<String> missingTopics(Admin admin, WorkloadSpec spec, LoadTarget target) {
    Set<String> consumed = new TreeSet<>();
    spec.consumers().forEach(c -> consumed.add(c.topic()));
    if (consumed.isEmpty()) {
      return Set.of();
    }
    Duration timeout = options.connection.timeout();
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      consumed.removeAll(existing);
      return consumed;
    } catch (ExecutionException | TimeoutException e) {
      throw new UserException(
          "nothing answered at the "
              + target.description()
              + " within "
              + Durations.format(timeout)
              + "; check --bootstrap-server, that the cluster runs, and --command-config",
          3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while listing topics", 1);
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

  /**
   * Returns {@code e} itself when it is a refused permission or failed authentication (the CLI's
   * error handler names what to grant, exit 4), else the "cluster did not answer" error (exit 3).
   */
  private static RuntimeException unreachableUnlessRefused(RuntimeException e) {
    return Refusals.isAccessProblem(e) ? e : new UserException(e.getMessage(), 3);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook is running and will see done.
    }
  }
}
