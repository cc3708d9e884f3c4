package dev.ballast.app;

import dev.ballast.app.cli.BallastCommand;
import dev.ballast.app.cli.CliErrors;
import dev.ballast.app.cli.CommandList;
import dev.ballast.app.cli.ParseErrors;
import picocli.CommandLine;

/** The entry point of {@code bin/ballast}: the only place that exits the JVM. */
public final class Main {

  private Main() {}

  /** Runs the CLI with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    // Kafka clients log through slf4j-simple; keep the console readable unless asked otherwise.
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    // An unreachable cluster makes the clients warn on every retry; the command reports it once.
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.apache.kafka",
        System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error"));
    System.exit(newCommandLine().execute(args));
  }

  /** Returns the configured picocli command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new BallastCommand());
    cli.setExecutionExceptionHandler(new CliErrors());
    cli.setParameterExceptionHandler(new ParseErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Descriptions are written in lines of up to ~90 characters; at picocli's default of 80 they
    // would break mid-sentence.
    cli.setUsageHelpWidth(100);
    CommandList.install(cli, 100);
    return cli;
  }
}
