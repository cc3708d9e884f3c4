package dev.ballast.app.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the benchmarks: programs that print figures, never timed tests. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures (see docs/BENCHMARKS.md).",
    subcommands = {
      ClusterStartBenchCommand.class,
      PlannerBenchCommand.class,
      LoadBenchCommand.class,
      WorkersBenchCommand.class,
      CatchUpBenchCommand.class,
      OptimalityBenchCommand.class,
      GuardBenchCommand.class
    })
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
