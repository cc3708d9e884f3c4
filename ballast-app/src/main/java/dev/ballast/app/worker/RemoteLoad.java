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
    int count = option.count();
    Map<String, Object> controlConfig = option.control.controlConfig(clientConfig);
    String prefix = option.control.prefix;
    if (count > 0 && option.control.prefix.equals(ControlTopics.DEFAULT_PREFIX)) {
      prefix = prefix + ".local-" + ProcessHandle.current().pid();
    }
    ControlOptions control = new ControlOptions();
    control.prefix = prefix;
    ControlBus bus = new ControlBus(control.topics(), controlConfig);
    WorkerProcesses processes = null;
    try {
      bus.ensureTopics(Duration.ofSeconds(30));
      long epoch = System.currentTimeMillis();
      RemoteWorkers workers =
          new RemoteWorkers(
              bus,
              RemoteSettings.defaults(epoch, clientConfig).withGrace(option.grace),
              NanoClock.SYSTEM,
              listener);
      if (count > 0) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          ids.add("local-" + i);
        }
        processes = WorkerProcesses.start(ids, workerArgs(clientConfig, option, prefix), logDir());
        workers.alsoClose(processes);
        log.printf("started %d local worker process(es); logs in %s%n", count, processes.logDir());
        log.flush();
      }
      try {
        List<String> roster = workers.awaitWorkers(count, Duration.ofSeconds(120));
        log.println("workers: " + String.join(", ", roster));
        log.flush();
      } catch (IllegalStateException e) {
        workers.close();
        throw new UserException(e.getMessage(), 3);
      }
      return workers;
    } catch (IllegalStateException e) {
      if (processes != null) {
        processes.close();
      }
      bus.close();
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
