package dev.ballast.app.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A marathon running in this process, as the dashboard's marathon section, {@code GET
 * /api/marathon} and {@code /metrics} show it.
 */
public interface MarathonFeed {

  /**
   * Returns the JSON object of {@code GET /api/marathon}: the round, the current task and phase,
   * the totals, the recent runs with their verdicts, and the alerts firing.
   */
  Map<String, Object> view();

  /** Writes the marathon's Prometheus metrics, in the text format, to {@code out}. */
  void writeMetrics(OutputStream out) throws IOException;
}
