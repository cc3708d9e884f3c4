package dev.ballast.app.balance;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --execute-window} ({@code 01:00-05:00}, {@code 22:00-02:00@Europe/Paris}). */
public final class ExecuteWindowOption implements ITypeConverter<ExecuteWindow> {

  /** The option's description, the same on every command that has it. */
  public static final String DESCRIPTION =
      "Start moves only inside this daily window, UTC unless a zone is given (01:00-05:00,"
          + " 22:00-02:00 over midnight, 01:00-05:00@Europe/Paris). Outside it the command says"
          + " when it starts and waits (Ctrl-C stops it, nothing started); when the window"
          + " closes no new move starts, those in flight finish, and what remains is reported.";

  @Override
  public ExecuteWindow convert(String value) {
    try {
      return ExecuteWindow.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
