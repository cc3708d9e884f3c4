package dev.ballast.app.balance;

import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.GuardDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * What a console shows of an execution as it goes: the progress bar when it changes, and each
 * decision of the latency guard once.
 */
final class ProgressLines {

  private String lastBar = "";
  private int lastWindow = -1;

  /** Returns the lines {@code progress} adds to what was shown so far (often none). */
  List<String> next(ExecutionProgress progress) {
    List<String> lines = new ArrayList<>();
    progress
        .guard()
        .filter(d -> d.window() != lastWindow)
        .ifPresent(
            d -> {
              lastWindow = d.window();
              lines.add(d.describe());
            });
    String bar = progress.bar();
    if (!bar.equals(lastBar)) {
      lastBar = bar;
      lines.add(bar);
    }
    return lines;
  }

  /** Returns the guard's last decision line, for a summary; empty without a guard. */
  static List<String> guardSummary(ExecutionProgress progress) {
    return progress.guard().map(GuardDecision::describe).stream().toList();
  }
}
