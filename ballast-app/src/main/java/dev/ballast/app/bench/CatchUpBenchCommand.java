package dev.ballast.app.bench;

import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.TaskAdmin;
import dev.ballast.app.task.builtin.Load;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.workload.worker.LocalWorker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.tools.ConsumerPerformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The catch-up read of {@code marathon}'s catch-up-read task against Kafka's ConsumerPerformance,
 * on the same backlog in the same run: fresh groups read it from the earliest offset, alternately.
 */
@Command(
    name = "catch-up",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a backlog on an embedded 3-broker cluster (6 partitions, RF 3), then fresh consumer",
      "groups read all of it from the earliest offset, alternately: Ballast's catch-up read (the",
      "catch-up-read task's consumer, continuity checked) and Kafka's ConsumerPerformance, same",
      "fetch size, in this JVM. Prints MB/s (10^6 bytes of values) of each read and the ratio of",
      "the medians. See docs/BENCHMARKS.md."
    })
public final class CatchUpBenchCommand implements Callable<Integer> {

  /** How often a read is checked for its end: rare enough not to slow the consumers. */
  private static final long POLL_MILLIS = 250;

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--backlog-mib",
      defaultValue = "1024",
      description = "Backlog size (default: ${DEFAULT-VALUE}).")
  int backlogMib;

  @Option(
      names = "--message-bytes",
      defaultValue = "1024",
      description = "Message size (default: ${DEFAULT-VALUE}).")
  int messageBytes;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      description = "Reads of each tool (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String topic = "ballast-bench-catch-up";
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(3);
        LocalWorker worker = LocalWorker.create()) {
      EmbeddedTaskCluster cluster = new EmbeddedTaskCluster(kafka);
      Map<String, Object> client = new HashMap<>();
      cluster.client().toProperties().forEach((k, v) -> client.put(String.valueOf(k), v));
      try (TaskAdmin admin = new TaskAdmin(cluster, Duration.ofSeconds(30))) {
        admin.createTopic(topic, 6, 3, Load.KEEP_EVERYTHING);
      }
      long target = backlogMib * 1024L * 1024L;
      long t0 = System.nanoTime();
      worker.startProducers(List.of(Load.producer(client, 1, topic, null, messageBytes)));
      while (worker.totals().ackedBytes() < target) {
        java.util.concurrent.locks.LockSupport.parkNanos(POLL_MILLIS * 1_000_000L);
      }
      worker.stopProducers();
      long messages = worker.totals().acked();
      double mb = messages * (double) messageBytes / 1e6;
      out.printf(
          Locale.ROOT,
          "backlog: %,d messages, %.0f MB in %.1f s%n",
          messages,
          mb,
          (System.nanoTime() - t0) / 1e9);
      out.flush();
      List<Double> ballast = new ArrayList<>();
      List<Double> peer = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        boolean ballastFirst = i % 2 == 0;
        for (int k = 0; k < 2; k++) {
          if ((k == 0) == ballastFirst) {
            double s = ballastRead(worker, client, topic, i);
            ballast.add(mb / s);
            out.printf(
                Locale.ROOT, "ballast catch-up read %d: %.1f s, %.1f MB/s%n", i + 1, s, mb / s);
          } else {
            double s = peerRead(cluster.client().bootstrapServers(), topic, messages, i, out);
            peer.add(mb / s);
            out.printf(
                Locale.ROOT, "ConsumerPerformance read %d: %.1f s, %.1f MB/s%n", i + 1, s, mb / s);
          }
          out.flush();
        }
      }
      var result = worker.finish();
      result
          .groups()
          .forEach(g -> out.println("continuity " + g.group() + ": " + g.verdict().describe()));
      double b = median(ballast);
      double p = median(peer);
      out.printf(
          Locale.ROOT,
          "median: ballast %.1f MB/s, ConsumerPerformance %.1f MB/s, ratio %.2f%n",
          b,
          p,
          b / p);
      return 0;
    }
  }

  private static double ballastRead(
      LocalWorker worker, Map<String, Object> client, String topic, int i) {
    long start = System.nanoTime();
    worker.startConsumerGroup(Load.consumers(client, "ballast-bench-read-" + i, topic, 1), true);
    while (!worker.hasDrained()) {
      java.util.concurrent.locks.LockSupport.parkNanos(POLL_MILLIS * 1_000_000L);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double peerRead(
      String bootstrap, String topic, long messages, int i, PrintWriter out) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    long start = System.nanoTime();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      ConsumerPerformance.main(
          new String[] {
            "--bootstrap-server",
            bootstrap,
            "--topic",
            topic,
            "--num-records",
            Long.toString(messages),
            "--group",
            "ballast-bench-peer-" + i,
            "--fetch-size",
            Integer.toString(Load.FETCH_BYTES),
            "--timeout",
            "60000"
          });
    } finally {
      System.setOut(original);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = captured.toString(StandardCharsets.UTF_8).strip();
    out.println("  ConsumerPerformance says: " + report.lines().reduce((a, b) -> b).orElse(""));
    return seconds;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
