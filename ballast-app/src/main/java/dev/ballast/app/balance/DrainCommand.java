package dev.ballast.app.balance;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.VerboseOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Moves every replica off brokers about to be decommissioned (Cruise Control's remove_broker). */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = {
      "Moves every replica and leadership off the given brokers, spreading them over the others",
      "by load, then exits. Stop the brokers afterwards. Example:",
      "  ballast drain 2 --bootstrap-server localhost:9092"
    })
public final class DrainCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin BalanceOptions options;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      split = ",",
      paramLabel = "BROKER",
      description = "Broker ids to drain, e.g. 2 or 2,3.")
  List<Integer> brokers;

  @Override
  public Integer call() {
    Set<Integer> ids = new TreeSet<>(brokers);
    return BalanceRun.run(
        connection.settings(),
        connection.timeout(),
        options.settings(),
        ids,
        Set.of(),
        true,
        Duration.ofMinutes(30),
        spec.commandLine().getOut(),
        verbose.isVerbose());
  }
}
