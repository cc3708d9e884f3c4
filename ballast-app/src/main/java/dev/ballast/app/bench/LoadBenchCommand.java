package dev.ballast.app.bench;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Benchmarks Ballast's producer against Kafka's ProducerPerformance. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Benchmarks Ballast's producer against Kafka's ProducerPerformance.")
public final class LoadBenchCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'load' is not built yet");
  }
}
