package dev.ballast.app.bench;

import java.lang.management.ManagementFactory;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The peer side of {@code bench load}, run in a forked JVM: Kafka's own ProducerPerformance,
 * unchanged, followed by one line with the JVM's CPU time so both sides can be compared per record.
 */
public final class LoadBenchPeer {

  private LoadBenchPeer() {}

  /** Runs ProducerPerformance with {@code args}, then prints the process CPU time. */
  public static void main(String[] args) throws Exception {
    ProducerPerformance.main(args);
    System.out.println(LoadBenchRun.CPU_PREFIX + processCpuNanos());
  }

  /** Returns this JVM's CPU time so far in nanoseconds (all threads, JIT and GC included). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
