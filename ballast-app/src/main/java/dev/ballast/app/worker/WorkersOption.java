package dev.ballast.app.worker;

import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --workers N|external}: run a workload on worker processes instead of in this JVM. */
public final class WorkersOption {

  /** The most worker processes {@code --workers N} forks on one machine. */
  static final int MAX_LOCAL = 64;

  @Option(
      names = "--workers",
      paramLabel = "N|external",
      description =
          "Run the workload on worker processes: N forks N local ones; 'external' uses the workers"
              + " already registered (started with 'ballast worker'). Default: in this JVM.")
  String workers;

  @Option(
      names = "--worker-grace",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "How long a run pauses for a dead worker's replacement before it ends INCONCLUSIVE"
              + " (default: ${DEFAULT-VALUE}).")
  Duration grace;

  @Mixin ControlOptions control;

  /** Returns whether the workload runs on worker processes. */
  public boolean isRemote() {
    return workers != null;
  }

  /** Returns how many local workers to fork; 0 for external workers. */
  public int count() {
    if ("external".equalsIgnoreCase(workers)) {
      return 0;
    }
    try {
      int n = Integer.parseInt(workers);
      if (n >= 1 && n <= MAX_LOCAL) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the message below says what is accepted
    }
    throw new UserException(
        "--workers '"
            + workers
            + "' is neither a count from 1 to "
            + MAX_LOCAL
            + " nor 'external'");
  }

  /**
   * Returns a copy of these options whose control topics live on {@code bootstrap} (null: as given)
   * under {@code prefix}.
   */
  WorkersOption withControl(String bootstrap, String prefix) {
    WorkersOption copy = new WorkersOption();
    copy.workers = workers;
    copy.grace = grace;
    copy.control = new ControlOptions();
    copy.control.controlBootstrap = bootstrap != null ? bootstrap : control.controlBootstrap;
    copy.control.controlCommandConfig = bootstrap != null ? null : control.controlCommandConfig;
    copy.control.prefix = prefix;
    return copy;
  }
}
