package dev.ballast.app.worker;

import dev.ballast.app.cli.UserException;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.remote.ControlBus;
import dev.ballast.workload.remote.ControlTopics;
import dev.ballast.workload.remote.RemoteSettings;
import dev.ballast.workload.remote.RemoteWorkers;
import dev.ballast.workload.worker.RunListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Opens the remote workers of a load run: forks N local worker processes (their own control prefix,
 * so they cannot meet another run's workers) or uses the registered external ones.
 */
public final class RemoteLoad {

  private RemoteLoad() {}

  /**
   * Returns remote workers ready to run on the cluster of {@code clientConfig}; closing them also
   * stops the forked processes.
   */
  public static RemoteWorkers open(
      WorkersOption option,
      Map<String, Object> clientConfig,
      RunListener listener,
      PrintWriter log) {
    String prefix = prefix(option);
    RemoteWorkers workers =
        controller(option, clientConfig, prefix, System.currentTimeMillis(), listener);
    if (option.count() > 0) {
      try {
        workers.alsoClose(fork(option, clientConfig, prefix, logDir(), log));
      } catch (RuntimeException e) {
        workers.close();
        throw e;
      }
    }
    return awaitWorkers(workers, option, log);
  }

  /**
   * Returns the control prefix of a run: the given one, or for forked local workers on the default
   * prefix one of their own, so they cannot meet another run's workers.
   */
  static String prefix(WorkersOption option) {
    String prefix = option.control.prefix;
    if (option.count() > 0 && prefix.equals(ControlTopics.DEFAULT_PREFIX)) {
      prefix = prefix + ".local-" + ProcessHandle.current().pid();
    }
    return prefix;
  }

  /**
   * Forks {@code option.count()} local worker processes on the control {@code prefix}, their logs
   * in {@code logDir}.
   */
  static WorkerProcesses fork(
      WorkersOption option,
      Map<String, Object> clientConfig,
      String prefix,
      Path logDir,
      PrintWriter log) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < option.count(); i++) {
      ids.add("local-" + i);
    }
    WorkerProcesses processes =
        WorkerProcesses.start(ids, workerArgs(clientConfig, option, prefix), logDir);
    log.printf("started %d local worker process(es); logs in %s%n", ids.size(), processes.logDir());
    log.flush();
    return processes;
  }

  /** Opens the controller of run {@code epoch} on the control topics under {@code prefix}. */
  static RemoteWorkers controller(
      WorkersOption option,
      Map<String, Object> clientConfig,
      String prefix,
      long epoch,
      RunListener listener) {
    ControlOptions control = new ControlOptions();
    control.prefix = prefix;
    ControlBus bus = new ControlBus(control.topics(), option.control.controlConfig(clientConfig));
    try {
      bus.ensureTopics(Duration.ofSeconds(30));
      return new RemoteWorkers(
          bus,
          RemoteSettings.defaults(epoch, clientConfig).withGrace(option.grace),
          NanoClock.SYSTEM,
          listener);
    } catch (IllegalStateException e) {
      bus.close();
      throw new UserException(e.getMessage(), 3);
    }
  }

  /**
   * Waits (up to 120 s) for the run's workers: {@code option.count()} of them, or every registered
   * one; closes {@code workers} and throws when they do not come.
   */
  static RemoteWorkers awaitWorkers(RemoteWorkers workers, WorkersOption option, PrintWriter log) {
    try {
      List<String> roster = workers.awaitWorkers(option.count(), Duration.ofSeconds(120));
      log.println("workers: " + String.join(", ", roster));
      log.flush();
      return workers;
    } catch (IllegalStateException e) {
      workers.close();
      throw new UserException(e.getMessage(), 3);
    }
  }

  private static List<String> workerArgs(
      Map<String, Object> clientConfig, WorkersOption option, String prefix) {
    List<String> args = new ArrayList<>();
    args.add("--bootstrap-server");
    args.add(clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString());
    if (option.control.controlBootstrap != null) {
      args.add("--control-bootstrap");
      args.add(option.control.controlBootstrap);
    }
    if (option.control.controlCommandConfig != null) {
      args.add("--control-command-config");
      args.add(option.control.controlCommandConfig.toString());
    }
    Properties security = new Properties();
    clientConfig.forEach(
        (k, v) -> {
          if (!k.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            security.setProperty(k, v.toString());
          }
        });
    if (!security.isEmpty()) {
      args.add("--command-config");
      args.add(writeTemp(security).toString());
    }
    args.add("--control-prefix");
    args.add(prefix);
    return args;
  }

  private static Path writeTemp(Properties properties) {
    try {
      Path file = Files.createTempFile("ballast-worker-", ".properties");
      file.toFile().deleteOnExit();
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        properties.store(w, "client settings for forked workers");
      }
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the workers' client settings: " + e, e);
    }
  }

  private static Path logDir() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of("results", "workers-" + stamp);
  }
}
