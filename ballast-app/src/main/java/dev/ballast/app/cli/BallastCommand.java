package dev.ballast.app.cli;

import dev.ballast.app.balance.AddBrokerCommand;
import dev.ballast.app.balance.BalanceCommand;
import dev.ballast.app.balance.DrainCommand;
import dev.ballast.app.balance.ExecuteCommand;
import dev.ballast.app.balance.SnapshotCommand;
import dev.ballast.app.bench.BenchCommand;
import dev.ballast.app.doctor.DoctorCommand;
import dev.ballast.app.http.ServeCommand;
import dev.ballast.app.load.LoadCommand;
import dev.ballast.app.plan.PlanCommand;
import dev.ballast.app.scenario.DemoCommand;
import dev.ballast.app.worker.WorkerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/** The top-level {@code ballast} command; it only groups the subcommands. */
@Command(
    name = "ballast",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Keeps Kafka-compatible clusters (Apache Kafka, AutoMQ, MSK) in balance, proves it,",
      "and tells operators what to fix.",
      "",
      "Without --bootstrap-server, commands that need a cluster start an embedded real",
      "Apache Kafka cluster on 127.0.0.1 and stop it when they finish."
    },
    subcommands = {
      DemoCommand.class,
      ClusterCommand.class,
      CheckAccessCommand.class,
      SnapshotCommand.class,
      PlanCommand.class,
      ExecuteCommand.class,
      BalanceCommand.class,
      DrainCommand.class,
      AddBrokerCommand.class,
      LoadCommand.class,
      WorkerCommand.class,
      DoctorCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      dev.ballast.app.marathon.MarathonCommand.class,
      HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ballast demo                            the five auto-balancing scenarios, with reports",
      "  ballast cluster up --brokers 3          start an embedded cluster until Ctrl-C",
      "  ballast cluster describe --bootstrap-server localhost:9092",
      "  ballast bench cluster-start --runs 5    measure the embedded cluster's cold start",
      "",
      ExitCodes.HELP
    })
public final class BallastCommand implements Runnable {

  @Mixin VerboseOption verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
