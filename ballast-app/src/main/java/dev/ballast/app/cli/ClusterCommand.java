package dev.ballast.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups {@code cluster up} and {@code cluster describe}. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Starts an embedded real Kafka cluster, or describes any cluster.",
    subcommands = {ClusterUpCommand.class, ClusterDescribeCommand.class})
public final class ClusterCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
