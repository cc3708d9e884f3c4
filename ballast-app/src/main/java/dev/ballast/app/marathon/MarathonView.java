package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.http.MarathonFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The marathon as the dashboard server shows it: {@code GET /api/marathon} from the state, the
 * marathon's part of {@code /metrics} from the metrics.
 */
record MarathonView(MarathonMetrics metrics, MarathonState state) implements MarathonFeed {

  /** Validates. */
  MarathonView {
    requireNonNull(metrics, "metrics");
    requireNonNull(state, "state");
  }

  @Override
  public Map<String, Object> view() {
    return state.view();
  }

  @Override
  public void writeMetrics(OutputStream out) throws IOException {
    out.write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
