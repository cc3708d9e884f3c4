package dev.ballast.app.balance;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.VerboseOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A one-shot balance that marks a set of brokers first ({@code drain}, {@code add-broker}):
 * samples, plans once, executes and exits.
 */
abstract class BrokerSetCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin BalanceOptions options;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      split = ",",
      paramLabel = "BROKER",
      description = "Broker ids, e.g. 2 or 2,3.")
  List<Integer> brokers;

  /** Returns whether the brokers are drained (true) or given their share (false). */
  abstract boolean drains();

  @Override
  public Integer call() {
    Set<Integer> ids = new TreeSet<>(brokers);
    return BalanceRun.against(connection.settings(), connection.timeout(), options.settings())
        .draining(drains() ? ids : Set.of())
        .adding(drains() ? Set.of() : ids)
        .once(true)
        .maxRun(Duration.ofMinutes(30))
        .verbose(verbose.isVerbose())
        .run(spec.commandLine().getOut());
  }
}
