package dev.ballast.app.load;

import dev.ballast.app.cli.VerboseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs producers and consumers at a target rate and checks continuity. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Runs producers and consumers at a target rate and checks continuity.",
      "Producers are open loop: latency counts from each message's intended send time. Every"
          + " consumed message is checked: nothing may be lost, duplicated or reordered. Without"
          + " --bootstrap-server an embedded 3-broker cluster is started and stopped."
    },
    subcommands = {LoadRunCommand.class, LoadProduceCommand.class, LoadConsumeCommand.class},
    footer = {
      "",
      "Examples:",
      "  ballast load run examples/workload.yaml",
      "  ballast load produce --topic T --rate 50000 --record-size 100 --duration 60s",
      "  ballast load consume --topic T --group G --bootstrap-server localhost:9092",
      "",
      "Exit code 1 when a continuity verdict is violated, 5 when it is inconclusive (a group"
          + " consumed nothing), 3 when the cluster does not answer (see docs/WORKLOAD.md)."
    })
public final class LoadCommand implements Runnable {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
