package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.TaskOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a marathon runs.
 *
 * @param dir the marathon's results folder ({@code <round>-<task>/} runs and the index)
 * @param rounds how many rounds to run, 0 for no limit
 * @param duration how long to keep starting tasks, or null for no limit
 * @param options what every task is created with ({@code --quick}, {@code --balancer})
 * @param cluster the cluster's name in alerts and metrics
 * @param profile whether each run gets a JFR recording ({@code --profile})
 */
public record MarathonSettings(
    Path dir, int rounds, Duration duration, TaskOptions options, String cluster, boolean profile) {

  /** Settings without profiling. */
  public MarathonSettings(
      Path dir, int rounds, Duration duration, TaskOptions options, String cluster) {
    this(dir, rounds, duration, options, cluster, false);
  }

  /** Validates. */
  public MarathonSettings {
    requireNonNull(dir, "dir");
    requireNonNull(options, "options");
    requireNonNull(cluster, "cluster");
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
    }
  }
}
