package dev.ballast.app.worker;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.remote.ControlBus;
import dev.ballast.workload.remote.WorkerAgent;
import dev.ballast.workload.worker.LocalWorker;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** Runs one stateless worker process that takes its share of runs from the control topics. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a stateless worker: joins the worker group as the static member --id, reads its",
      "desired state from the compacted control topic (from the start, so a restarted worker",
      "gets the whole state), runs its share of the current workload against --bootstrap-server,",
      "heartbeats, and reports every interval. SIGTERM finishes the interval, sends the final",
      "report, leaves the group and exits 0. Protocol and deployment: docs/WORKERS.md."
    },
    footer = {
      "",
      "Examples:",
      "  ballast worker --bootstrap-server kafka:9092 --id worker-0",
      "  ballast worker --bootstrap-server kafka:9092 --control-bootstrap ops-kafka:9092",
      "  ballast load run examples/workload.yaml --bootstrap-server kafka:9092 --workers external"
    })
public final class WorkerCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin ControlOptions control;
  @Spec CommandSpec spec;

  @Option(
      names = "--id",
      paramLabel = "NAME",
      description =
          "This worker's id: its static member id in the worker group (default: host name).")
  String id;

  @Option(
      names = "--session-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description =
          "How long the worker group waits for a silent worker before it drops it"
              + " (default: ${DEFAULT-VALUE}; the broker allows 6s to 30m by default).")
  Duration sessionTimeout;

  @Option(
      names = "--alive-file",
      paramLabel = "FILE",
      description =
          "Touch this file at every heartbeat (each second), for a liveness probe that checks its"
              + " age.")
  Path aliveFile;

  @Override
  public Integer call() {
    Map<String, Object> cluster = ControlOptions.toMap(connection.settings());
    Map<String, Object> controlConfig = control.controlConfig(cluster);
    String workerId = id != null ? id : hostName();
    if (!workerId.matches("[A-Za-z0-9._-]{1,200}")) {
      throw new UserException(
          "--id '" + workerId + "' may only hold letters, digits, '.', '_' and '-'");
    }
    PrintWriter out = spec.commandLine().getOut();
    long session = new SecureRandom().nextLong() >>> 24;
    try (ControlBus bus = new ControlBus(control.topics(), controlConfig)) {
      try {
        bus.ensureTopics(connection.timeout());
      } catch (IllegalStateException e) {
        throw new UserException(e.getMessage(), 3);
      }
      WorkerAgent agent;
      try {
        agent =
            new WorkerAgent(
                workerId,
                session,
                bus,
                cluster,
                LocalWorker::create,
                NanoClock.SYSTEM,
                Duration.ofSeconds(1),
                sessionTimeout);
      } catch (KafkaException e) {
        throw new UserException("cannot join the worker group: " + e.getMessage(), 3);
      }
      if (aliveFile != null) {
        agent.touchOnHeartbeat(aliveFile);
      }
      // SIGTERM and Ctrl-C stop the worker cleanly instead of shutting the JVM down mid-report.
      Signal.handle(new Signal("TERM"), s -> agent.requestStop());
      Signal.handle(new Signal("INT"), s -> agent.requestStop());
      out.printf(
          "worker %s (session %x) joined group %s; waiting for runs on %s%n",
          workerId, session, control.topics().workerGroup(), control.topics().control());
      out.flush();
      agent.run(ParkingIdleStrategy.standard());
      agent.errors().forEach(e -> out.println("worker: " + e));
      out.println("worker " + workerId + " left the group");
      out.flush();
    }
    return 0;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new UserException("cannot read the host name; give the worker an --id");
    }
  }
}
