package dev.ballast.app.doctor;

import dev.ballast.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints, as a user would see it. */
record DoctorRun(int exitCode, String out, String err) {

  static DoctorRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new DoctorRun(code, out.toString(), err.toString());
  }
}
