package dev.ballast.kafka.prometheus;

/** Malformed Prometheus text: the message names the line and what is wrong with it. */
public final class ExpositionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the error for line {@code lineNumber} (1-based) reading {@code line}. */
  ExpositionException(int lineNumber, String problem, String line) {
    super("line " + lineNumber + ": " + problem + ": " + abbreviate(line));
  }

  private static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
