package dev.ballast.app.bench;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Benchmarks the planner on a synthetic skewed cluster. */
@Command(
    name = "planner",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the planner on a synthetic skewed cluster.")
public final class PlannerBenchCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'planner' is not built yet");
  }
}
