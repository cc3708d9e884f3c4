package dev.ballast.app.scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The run's log: every line to {@code experiment.log}, most also to the console. */
final class ExperimentLog implements AutoCloseable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private final Writer file;
  private final PrintWriter console;
  private final String prefix;

  ExperimentLog(Path path, PrintWriter console, String scenario) throws IOException {
    this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    this.console = console;
    this.prefix = "[" + scenario + "] ";
  }

  /** Logs {@code line} to the file and the console. */
  synchronized void line(String line) {
    quiet(line);
    console.println(prefix + line);
    console.flush();
  }

  /** Logs {@code line} to the file only. */
  synchronized void quiet(String line) {
    try {
      file.write(LocalTime.now().format(TIME) + " " + line + "\n");
      file.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write experiment.log", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }
}
