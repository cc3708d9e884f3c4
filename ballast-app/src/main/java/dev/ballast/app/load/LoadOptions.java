package dev.ballast.app.load;

import dev.ballast.app.cli.ConnectionOptions;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every {@code load} subcommand takes: where to run, how to report. */
public final class LoadOptions {

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--brokers",
      defaultValue = "3",
      description =
          "Brokers of the embedded cluster started when --bootstrap-server is not given"
              + " (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Option(
      names = "--json",
      description = "Print the result as JSON on stdout (progress on stderr).")
  boolean json;

  @Option(
      names = "--results-file",
      paramLabel = "FILE",
      description = "Where to write the results JSON (default: results/load-<name>-<time>.json).")
  Path resultsFile;

  @Option(
      names = "--report-interval",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description = "How often to print a line of figures (default: ${DEFAULT-VALUE}).")
  String reportInterval;
}
