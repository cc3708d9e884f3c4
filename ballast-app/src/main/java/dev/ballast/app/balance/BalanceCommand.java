package dev.ballast.app.balance;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.http.HttpOptions;
import java.time.Duration;
import java.util.Set;
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
      "  ballast balance --bootstrap-server localhost:9092 --dry-run --http-port 8890"
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

  @Override
  public Integer call() {
    Duration max =
        duration != null ? duration : once ? Duration.ofMinutes(10) : Duration.ofDays(3650);
    return BalanceRun.run(
        connection.settings(),
        connection.timeout(),
        loop.apply(options.settings()),
        Set.of(),
        Set.of(),
        once,
        max,
        spec.commandLine().getOut(),
        verbose.isVerbose(),
        http.settings(null));
  }
}
