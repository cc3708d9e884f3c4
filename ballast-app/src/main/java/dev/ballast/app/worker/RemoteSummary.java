package dev.ballast.app.worker;

import dev.ballast.workload.remote.RemoteWorkers;
import java.io.PrintWriter;

/** Prints what a run on remote workers adds to a load report: workers, command latency, pauses. */
public final class RemoteSummary {

  private RemoteSummary() {}

  /** Prints the lines about {@code workers} to {@code log}. */
  public static void print(RemoteWorkers workers, PrintWriter log) {
    StringBuilder latencies = new StringBuilder();
    workers
        .commandLatencies()
        .forEach((what, d) -> latencies.append(String.format("; %s %d ms", what, d.toMillis())));
    log.printf(
        "remote workers: %s; from a control command to every worker acting%s%n",
        String.join(", ", workers.roster()), latencies);
    if (!workers.paused().isZero()) {
      log.printf(
          "paused %.1f s while a dead worker awaited its replacement (excluded from rate figures);"
              + " detection %s s after the last heartbeat%n",
          workers.paused().toMillis() / 1000.0, workers.detectionSeconds());
    }
    if (workers.inconclusive() != null) {
      log.println("WARNING " + workers.inconclusive());
    }
    log.flush();
  }
}
