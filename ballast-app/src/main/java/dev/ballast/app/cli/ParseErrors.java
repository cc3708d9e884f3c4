package dev.ballast.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a command line that does not parse as one line and a pointer to the command's help, exit
 * code 2, instead of picocli's full usage.
 */
public final class ParseErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName(" ");
    cmd.getErr().println(name + ": " + oneLine(ex.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
    cmd.getErr().println("see '" + name + " --help'");
    cmd.getErr().flush();
    return ExitCodes.INPUT;
  }

  private static String oneLine(String message) {
    return message == null ? "bad command line" : message.lines().findFirst().orElse("").strip();
  }
}
