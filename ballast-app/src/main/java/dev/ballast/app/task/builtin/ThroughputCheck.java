package dev.ballast.app.task.builtin;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server-side traffic thresholds over {@link Windows#KEY}: every window's rate within the tolerance
 * of the target ({@code throughput-window}), and every window's produce p99 under the limit ({@code
 * produce-p99}); each missed is an ERROR (an SLA), no window at all INCONCLUSIVE.
 */
public final class ThroughputCheck implements Checker {

  /** The checker's name. */
  public static final String NAME = "throughput";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Verdict> check(RecordedRun run) {
    Windows w = run.observation(Windows.KEY).orElse(null);
    if (w == null || w.windows().isEmpty()) {
      return List.of(
          Verdict.inconclusive("throughput-window", "no full window was measured", "no windows"),
          Verdict.inconclusive("produce-p99", "no full window was measured", "no windows"));
    }
    List<String> offRate = new ArrayList<>();
    List<String> slow = new ArrayList<>();
    List<String> each = new ArrayList<>();
    double worstP99 = 0;
    for (Window x : w.windows()) {
      each.add(String.format(Locale.ROOT, "%.0f s: %.1f ms", x.startSeconds(), x.p99Millis()));
      double dev = x.messagesPerSecond() / w.targetPerSecond() - 1;
      if (Math.abs(dev) > w.tolerance()) {
        offRate.add(
            String.format(
                Locale.ROOT,
                "%.0f s: %.0f/s (%+.1f%%)",
                x.startSeconds(),
                x.messagesPerSecond(),
                dev * 100));
      }
      if (x.p99Millis() > w.p99LimitMillis()) {
        slow.add(String.format(Locale.ROOT, "%.0f s: %.1f ms", x.startSeconds(), x.p99Millis()));
      }
      worstP99 = Math.max(worstP99, x.p99Millis());
    }
    int n = w.windows().size();
    String band =
        String.format(
            Locale.ROOT, "target %.0f/s +-%.0f%%", w.targetPerSecond(), w.tolerance() * 100);
    Verdict rate =
        offRate.isEmpty()
            ? Verdict.pass("throughput-window", "all " + n + " window(s) within " + band, band)
            : Verdict.fail(
                "throughput-window",
                Severity.ERROR,
                offRate.size() + " of " + n + " window(s) outside " + band,
                String.join("; ", offRate));
    String limit = String.format(Locale.ROOT, "p99 limit %.0f ms", w.p99LimitMillis());
    Verdict p99 =
        slow.isEmpty()
            ? Verdict.pass(
                "produce-p99",
                String.format(Locale.ROOT, "worst window p99 %.1f ms (%s)", worstP99, limit),
                limit + "; window p99s " + String.join(", ", each))
            : Verdict.fail(
                "produce-p99",
                Severity.ERROR,
                slow.size() + " of " + n + " window(s) over the " + limit,
                String.join("; ", slow));
    return List.of(rate, p99);
  }
}
