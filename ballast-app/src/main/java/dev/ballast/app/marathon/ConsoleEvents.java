package dev.ballast.app.marathon;

import dev.ballast.app.task.Event;
import dev.ballast.app.task.EventKind;
import dev.ballast.app.task.EventSink;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints a run's events on the console, one line each: {@code 21:40:03 [2-chaos] workload started}.
 */
final class ConsoleEvents implements EventSink {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrintWriter out;

  ConsoleEvents(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void accept(Event e) {
    String who = e.kind() == EventKind.VERDICT ? e.checker() + " " : "";
    out.printf(
        "%s [%d-%s] %s%s%s%n",
        TIME.format(e.time()),
        e.round(),
        e.task(),
        e.severity().atLeast(dev.ballast.app.task.Severity.WARNING)
            ? e.severity().label().toUpperCase(java.util.Locale.ROOT) + " "
            : "",
        who,
        e.message());
    out.flush();
  }
}
