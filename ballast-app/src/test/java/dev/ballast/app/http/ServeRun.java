package dev.ballast.app.http;

import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process, capturing what it prints. */
final class ServeRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private final CommandLine cli;

  ServeRun() {
    cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
  }

  int execute(String... args) {
    return cli.execute(args);
  }
}
