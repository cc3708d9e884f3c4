package dev.ballast.app.balance;

import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A CLI command run in-process, with what it printed (out and err together), as a user sees it.
 *
 * @param exit the exit code
 * @param out everything printed
 */
record CommandRun(int exit, String out) {

  /** Runs {@code args} through the CLI. */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    var cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute(args);
    return new CommandRun(exit, out.toString());
  }
}
