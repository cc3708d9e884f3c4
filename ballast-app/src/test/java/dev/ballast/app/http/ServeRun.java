package dev.ballast.app.http;

import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process with {@code serve} registered, capturing what it prints. */
final class ServeRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private final CommandLine cli;

  ServeRun() {
    cli = Main.newCommandLine();
    if (!cli.getSubcommands().containsKey("serve")) {
      cli.addSubcommand("serve", new ServeCommand()); // until BallastCommand lists it
    }
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
  }

  int execute(String... args) {
    return cli.execute(args);
  }
}
