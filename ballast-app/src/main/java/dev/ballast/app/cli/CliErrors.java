package dev.ballast.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 1 (4 for a missing
 * permission or failed authentication, 3 for an unreachable cluster, see {@link AccessErrors}); the
 * stack trace is printed only with {@code --verbose}.
 */
public final class CliErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    boolean verbose = parsed != null && isVerbose(parsed);
    UserException refusal = ex instanceof UserException ? null : AccessErrors.map(ex, parsed);
    if (refusal != null) {
      cmd.getErr().println("ballast: " + refusal.getMessage());
      if (verbose) {
        ex.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return refusal.exitCode();
    }
    cmd.getErr().println("ballast: " + describe(ex));
    if (verbose) {
      ex.printStackTrace(cmd.getErr());
    } else if (!(ex instanceof UserException)) {
      cmd.getErr().println("(run again with --verbose for the stack trace)");
    }
    cmd.getErr().flush();
    return ex instanceof UserException user ? user.exitCode() : 1;
  }

  private static boolean isVerbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Returns the most useful one-line description of {@code ex}: its message, or its cause's. */
  public static String describe(Throwable ex) {
    Throwable t = ex;
    while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
