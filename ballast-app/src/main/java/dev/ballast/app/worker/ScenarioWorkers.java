package dev.ballast.app.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.cli.Embedded;
import dev.ballast.app.cli.UserException;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The workers of {@code demo --workers N|external}: a {@link WorkerSupply} per scenario cluster (a
 * forked worker connects to one cluster, and every embedded scenario starts its own), and control
 * topics where no scenario's fault reaches them. Scenarios stop, kill, slow down and throttle
 * brokers of the cluster under test; control topics there (one replica each, like the worker
 * group's offsets) would go down with them. So forked workers keep their control topics on {@code
 * --control-bootstrap}, or else on a one-broker embedded control cluster this demo starts for them
 * on 127.0.0.1; external workers use the control cluster they were started with.
 */
public final class ScenarioWorkers implements AutoCloseable {

  private static final int CONTROL_HEAP_MB = 256;

  private final WorkersOption option;
  private final EmbeddedKafkaCluster controlCluster;

  private ScenarioWorkers(WorkersOption option, EmbeddedKafkaCluster controlCluster) {
    this.option = option;
    this.controlCluster = controlCluster;
  }

  /**
   * Fails now, with a one-line error (exit 2), when {@code --workers} is bad or cannot serve the
   * scenarios: external workers need {@code --bootstrap-server} ({@code externalCluster}), and
   * without {@code --control-bootstrap} they cannot run a scenario in {@code brokerStopping} (their
   * control topics would be on the broker it stops).
   */
  public static void check(
      WorkersOption option, boolean externalCluster, List<String> brokerStopping) {
    requireNonNull(brokerStopping, "brokerStopping");
    WorkerSupply.check(option);
    if (option.isRemote()) {
      option.control.topics();
    }
    if (!option.isRemote() || option.count() > 0) {
      return;
    }
    if (!externalCluster) {
      throw new UserException(
          "--workers external needs --bootstrap-server: registered workers load the cluster they"
              + " were started on, and each embedded scenario starts its own; use --workers N");
    }
    if (option.control.controlBootstrap == null && !brokerStopping.isEmpty()) {
      throw new UserException(
          "--workers external without --control-bootstrap cannot run "
              + String.join(", ", brokerStopping)
              + (brokerStopping.size() == 1 ? ": it stops" : ": they stop")
              + " a broker of the cluster under test, which then holds the workers' control"
              + " topics; start the workers with --control-bootstrap on another cluster and give"
              + " it here too, or pick other scenarios");
    }
  }

  /**
   * Returns the workers of a demo: none to set up for {@code --workers} absent or external; for
   * forked workers without {@code --control-bootstrap}, starts the embedded control cluster now
   * (saying so on {@code log}).
   */
  public static ScenarioWorkers open(WorkersOption option, PrintWriter log) {
    requireNonNull(option, "option");
    requireNonNull(log, "log");
    if (!option.isRemote() || option.count() == 0 || option.control.controlBootstrap != null) {
      if (option.isRemote()) {
        log.println("workers: control topics on " + controlPlace(option));
        log.flush();
      }
      return new ScenarioWorkers(option, null);
    }
    EmbeddedKafkaCluster control =
        Embedded.start(ClusterSpec.ofBrokers(1).withBrokerHeapMb(CONTROL_HEAP_MB));
    log.println(
        "workers: control topics on an embedded one-broker control cluster at "
            + control.bootstrapServers()
            + " (no scenario's fault reaches it)");
    log.flush();
    return new ScenarioWorkers(
        option.withControl(control.bootstrapServers(), option.control.prefix), control);
  }

  /** Returns whether the scenarios' load runs on worker processes. */
  public boolean isRemote() {
    return option.isRemote();
  }

  /**
   * Returns the supply of one scenario's workers on the cluster of {@code client}: local ones, or
   * {@code --workers N} forked now (logs in {@code logDir}) that the supply's close stops.
   */
  public WorkerSupply supply(ClientSettings client, Path logDir, PrintWriter log) {
    return WorkerSupply.open(option, client, logDir, log);
  }

  /** Returns where the control topics live, for the log. */
  private static String controlPlace(WorkersOption option) {
    return option.control.controlBootstrap != null
        ? "--control-bootstrap " + option.control.controlBootstrap
        : "the cluster under test";
  }

  /** Stops the embedded control cluster, if this started one. */
  @Override
  public void close() {
    if (controlCluster != null) {
      controlCluster.close();
    }
  }
}
