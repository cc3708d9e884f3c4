package dev.ballast.app.cli;

import dev.ballast.core.text.FileProblems;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
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
    String file = fileProblem(ex);
    if (file != null && !verbose) {
      // A file the user named that cannot be read or written: input, not a bug.
      cmd.getErr().println("ballast: " + file);
      cmd.getErr().flush();
      return ExitCodes.INPUT;
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

  /**
   * Returns what is wrong with a file behind {@code ex} ("file x is a directory, not a file"), or
   * null when {@code ex} is not about a file.
   */
  static String fileProblem(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException fs && fs.getFile() != null) {
        return "file " + fs.getFile() + " " + FileProblems.describe(fs);
      }
      if (t instanceof CharacterCodingException coding) {
        return "an input file " + FileProblems.describe(coding);
      }
    }
    return null;
  }

  /**
   * Returns the most useful one-line description of {@code ex}: its message, or its cause's; a
   * Kafka client that could not be created says why (a host that does not resolve, SASL without a
   * JAAS configuration) instead of "Failed to create new KafkaAdminClient".
   */
  public static String describe(Throwable ex) {
    String client = ex instanceof UserException ? null : clientProblem(ex);
    if (client != null) {
      return client;
    }
    Throwable t = ex;
    while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }

  private static String clientProblem(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("No resolvable bootstrap urls")) {
        return "no host in --bootstrap-server resolves to an address; check the host names (and"
            + " DNS)";
      }
      if (m.contains("JAAS configuration") || m.contains("sasl.jaas.config")) {
        return "SASL is set (security.protocol) but there is no JAAS configuration: add"
            + " sasl.jaas.config to the --command-config file, e.g. sasl.jaas.config="
            + "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\""
            + " password=\"p\";";
      }
      if (t instanceof org.apache.kafka.common.config.ConfigException) {
        return "the client settings are invalid: " + m;
      }
    }
    return null;
  }
}
