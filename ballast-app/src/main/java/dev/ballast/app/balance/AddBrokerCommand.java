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

/** Gives new brokers their share of replicas and leaders (Cruise Control's add_broker). */
@Command(
    name = "add-broker",
    mixinStandardHelpOptions = true,
    description = {
      "Gives new (usually empty) brokers their share of the load, moving as little as possible,",
      "then exits. Example:",
      "  ballast add-broker 3 --bootstrap-server localhost:9092"
    })
public final class AddBrokerCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin BalanceOptions options;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      split = ",",
      paramLabel = "BROKER",
      description = "Ids of the new brokers, e.g. 3 or 3,4.")
  List<Integer> brokers;

  @Override
  public Integer call() {
    Set<Integer> ids = new TreeSet<>(brokers);
    return BalanceRun.run(
        connection.settings(),
        connection.timeout(),
        options.settings(),
        Set.of(),
        ids,
        true,
        Duration.ofMinutes(30),
        spec.commandLine().getOut(),
        verbose.isVerbose());
  }
}
