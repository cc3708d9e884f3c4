package dev.ballast.app.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} flag every command mixes in; {@link CliErrors} reads it. */
public final class VerboseOption {

  @Option(
      names = "--verbose",
      description = "Print stack traces on errors and more detail while running.")
  boolean verbose;

  /** Returns whether {@code --verbose} was given. */
  public boolean isVerbose() {
    return verbose;
  }
}
