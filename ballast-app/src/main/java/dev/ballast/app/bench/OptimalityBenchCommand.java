package dev.ballast.app.bench;

import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.solver.Comparison;
import dev.ballast.solver.OptimalitySuite;
import dev.ballast.solver.SolverLimits;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Compares the planner's bytes moved with the CP-SAT optimum over seeded random problems. */
@Command(
    name = "optimality",
    mixinStandardHelpOptions = true,
    description =
        "Plans seeded random small clusters (3-8 brokers, 5-40 partitions, RF 1-3, racks, several"
            + " goal sets) with the planner and with the exact CP-SAT solver, and prints bytes"
            + " moved over the optimum (mean, worst) and how often the planner reached balance"
            + " where balance is reachable. A solve that hits --time-limit counts as unknown.")
public final class OptimalityBenchCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--first-seed",
      defaultValue = "1",
      description = "The first problem (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(
      names = "--count",
      defaultValue = "60",
      description = "How many problems (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--time-limit",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Solver time per problem (default: ${DEFAULT-VALUE}).")
  Duration timeLimit;

  @Option(names = "--each", description = "Print one line per problem.")
  boolean each;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new UserException("--count must be at least 1, not " + count);
    }
    PrintWriter out = spec.commandLine().getOut();
    OptimalitySuite suite =
        OptimalitySuite.run(firstSeed, count, new SolverLimits(timeLimit, 2, false));
    if (each) {
      for (Comparison c : suite.comparisons()) {
        out.printf(
            "seed %d: %d replicas, %s, balance reachable %s, planner balanced %s, planner %d B,"
                + " optimum %s, ratio %.3f, solver %.2f s%n",
            c.seed(),
            c.replicas(),
            c.outcome(),
            c.reachable() == null ? "unknown" : c.reachable(),
            c.heuristicBalanced(),
            c.heuristicBytes(),
            c.proven() ? c.optimumBytes() + " B" : "-",
            c.ratio(),
            c.solverSeconds());
      }
    }
    out.println(suite.summaryLine());
    out.flush();
    return 0;
  }
}
