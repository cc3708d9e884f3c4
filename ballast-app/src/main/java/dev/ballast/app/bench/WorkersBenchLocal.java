package dev.ballast.app.bench;

import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.spec.WorkloadSpecReader;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.WorkloadResult;
import dev.ballast.workload.worker.WorkloadRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The in-process side of {@code bench workers}, in a forked JVM like a worker: runs a workload file
 * on a {@link LocalWorker} and prints {@code acked=N cpuNanos=N} for the run (process CPU from the
 * start of the run to its result).
 *
 * <p>Arguments: {@code BOOTSTRAP WORKLOAD.yaml}.
 */
public final class WorkersBenchLocal {

  private WorkersBenchLocal() {}

  /** Runs the workload; see the class comment for the arguments. */
  public static void main(String[] args) {
    WorkloadSpec spec = new WorkloadSpecReader().read(Path.of(args[1]));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    WorkloadResult result;
    long cpu;
    try (LocalWorker worker = LocalWorker.create()) {
      long before = os.getProcessCpuTime();
      result =
          new WorkloadRun(
                  spec,
                  worker,
                  Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, args[0]),
                  NanoClock.SYSTEM,
                  RunListener.NONE,
                  System.nanoTime(),
                  Duration.ofSeconds(1))
              .run(ParkingIdleStrategy.standard());
      cpu = os.getProcessCpuTime() - before;
    }
    System.out.printf(
        Locale.ROOT,
        "acked=%d cpuNanos=%d rate=%.1f clean=%s%n",
        result.acked(),
        cpu,
        result.achievedMessagesPerSecond(),
        result.clean());
    System.exit(0);
  }
}
