package dev.ballast.app.bench;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Measures the embedded cluster cold start and broker memory. */
@Command(
    name = "cluster-start",
    mixinStandardHelpOptions = true,
    description = "Measures the embedded cluster cold start and broker memory.")
public final class ClusterStartBenchCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'cluster-start' is not built yet");
  }
}
