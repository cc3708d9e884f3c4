package dev.ballast.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts an embedded cluster or describes any cluster. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Starts an embedded cluster or describes any cluster.")
public final class ClusterCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'cluster' is not built yet");
  }
}
