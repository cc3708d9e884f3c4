package dev.ballast.app.scenario;

import java.io.Writer;

/** Sends whole lines written to it to the experiment log. */
final class FixLogWriter extends Writer {
  private final ExperimentLog log;
  private final StringBuilder line = new StringBuilder();

  FixLogWriter(ExperimentLog log) {
    this.log = log;
  }

  @Override
  public void write(char[] chars, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (chars[i] == '\n') {
        log.line("fix | " + line);
        line.setLength(0);
      } else if (chars[i] != '\r') {
        line.append(chars[i]);
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    if (line.length() > 0) {
      write(new char[] {'\n'}, 0, 1);
    }
  }
}
