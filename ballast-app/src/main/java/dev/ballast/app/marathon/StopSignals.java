package dev.ballast.app.marathon;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT (Ctrl-C) into a stop request while installed, so the marathon ends its
 * current task, cleans up, writes the index and exits 0 (a shutdown hook could only exit 143). A
 * second signal falls back to the JVM's default handling. Restores the previous handlers on close.
 */
final class StopSignals implements AutoCloseable {

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  private StopSignals() {}

  /** Installs handlers that call {@code stop} (once) and say so on {@code out}. */
  static StopSignals install(Runnable stop, PrintWriter out) {
    StopSignals s = new StopSignals();
    boolean[] stopping = {false};
    for (String name : List.of("TERM", "INT")) {
      Signal signal = new Signal(name);
      SignalHandler[] old = new SignalHandler[1];
      SignalHandler handler =
          sig -> {
            synchronized (stopping) {
              if (stopping[0]) {
                old[0].handle(sig); // a second Ctrl-C: the user really wants out
                return;
              }
              stopping[0] = true;
            }
            out.println("SIG" + sig.getName() + ": ending the current task, cleaning up...");
            out.flush();
            stop.run();
          };
      try {
        old[0] = Signal.handle(signal, handler);
        s.signals.add(signal);
        s.previous.add(old[0]);
      } catch (IllegalArgumentException e) {
        // The signal is not available here (or the JVM uses it): rely on shutdown hooks.
      }
    }
    return s;
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
