package dev.ballast.app.balance;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.http.HttpOptions;
import dev.ballast.app.plan.ReliefThresholdConverter;
import dev.ballast.core.relieve.ReliefThreshold;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The auto-balancer loop against a cluster. */
@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the auto-balancer against a cluster: samples load through the Admin API (no broker",
      "plugin), probes each broker's produce latency, detects imbalance and new, draining, dead",
      "and slow brokers, plans movement-minimal reassignments and executes them in bounded",
      "batches. Ctrl-C stops and cancels any move in flight (its throttle is removed)."
    },
    footer = {
      "",
      "Examples:",
      "  ballast balance --bootstrap-server localhost:9092 --dry-run --once",
      "  ballast balance --bootstrap-server localhost:9092 --interval 10s --throttle 50000000",
      "  ballast balance --bootstrap-server localhost:9092 --dry-run --http-port 8890",
      "  ballast balance --bootstrap-server localhost:9092 --only-relieve network-in>50MB/s",
      "  ballast balance --bootstrap-server localhost:9092 --execute-window 01:00-05:00"
    })
public final class BalanceCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin BalanceOptions options;
  @Mixin LoopOptions loop;
  @Mixin HttpOptions http;
  @Spec CommandSpec spec;

  @Option(
      names = "--once",
      description =
          "Evaluate once (after the load window fills), execute the plan if any, and exit.")
  boolean once;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Stop after this long (default: run until Ctrl-C; with --once: 10m).")
  Duration duration;

  @Option(
      names = "--only-relieve",
      paramLabel = "RESOURCE>LIMIT",
      converter = ReliefThresholdConverter.class,
      description =
          "Only relieve brokers above this absolute threshold (network-in>50MB/s, disk>500GB,"
              + " messages>20000/s, replicas>300, leaders>100): only their replicas move, to"
              + " brokers that stay under it; no other balancing and no self-healing.")
  ReliefThreshold onlyRelieve;

  @Option(
      names = "--execute-window",
      paramLabel = "HH:MM-HH:MM[@ZONE]",
      converter = ExecuteWindowOption.class,
      description =
          "Start executions only inside this daily window, UTC unless a zone is given"
              + " (01:00-05:00, 22:00-02:00@Europe/Paris): plans made outside it are held and"
              + " made afresh when it opens; when it closes no new move starts and those in"
              + " flight finish.")
  ExecuteWindow window;

  @Override
  public Integer call() {
    if (once && window != null) {
      throw new UserException(
          "--once and --execute-window do not combine (a plan held until the window opens would"
              + " never run); use 'plan -o plan.json' then 'execute plan.json --execute-window'");
    }
    if (onlyRelieve != null && onlyRelieve.percentOfCapacity()) {
      throw new UserException(
          "--only-relieve "
              + onlyRelieve.text()
              + " needs broker capacities, which balance does not know; give an absolute limit"
              + " such as "
              + onlyRelieve.resource().label()
              + ">50MB/s");
    }
    Duration max =
        duration != null ? duration : once ? Duration.ofMinutes(10) : Duration.ofDays(3650);
    return BalanceRun.against(
            connection.settings(), connection.timeout(), loop.apply(options.settings()))
        .once(once)
        .maxRun(max)
        .verbose(verbose.isVerbose())
        .serving(http.settings(null))
        .configuring(
            service -> {
              service.relieveOnly(onlyRelieve);
              if (window != null) {
                service.executeWithin(window, Clock.systemUTC());
              }
            })
        .run(spec.commandLine().getOut());
  }
}
