package dev.ballast.app.plan;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Plans a movement-minimal reassignment from a snapshot file. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Plans a movement-minimal reassignment from a snapshot file.")
public final class PlanCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'plan' is not built yet");
  }
}
