package dev.ballast.app.load;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs producers and consumers at a target rate and checks continuity. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Runs producers and consumers at a target rate and checks continuity.")
public final class LoadCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'load' is not built yet");
  }
}
