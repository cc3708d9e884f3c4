package dev.ballast.app.bench;

import dev.ballast.workload.continuity.AckLedger;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.worker.LoadMetrics;
import dev.ballast.workload.worker.ProducerAgent;
import dev.ballast.workload.worker.ProducerAssignment;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Ballast side of {@code bench load}, run in a forked JVM like the peer: sends a fixed number
 * of records at the maximum rate through one {@link ProducerAgent} (headers, sequences, ledger and
 * histograms included) and prints one line in ProducerPerformance's final format.
 *
 * <p>Arguments: {@code TOPIC NUM_RECORDS RECORD_SIZE key=value...} (producer properties).
 */
public final class LoadBenchProducer {

  private LoadBenchProducer() {}

  /** Runs the benchmark producer; see the class comment for the arguments. */
  public static void main(String[] args) {
    String topic = args[0];
    long records = Long.parseLong(args[1]);
    int recordSize = Integer.parseInt(args[2]);
    Map<String, Object> config = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    ProducerAssignment assignment =
        new ProducerAssignment(
            0xBE9C4,
            "bench-producer",
            topic,
            RateShape.unlimited(),
            RateUnit.MESSAGES,
            MessageSizeSpec.fixed(recordSize),
            KeyKind.NONE,
            1,
            0,
            List.of(),
            config);
    LoadMetrics metrics = new LoadMetrics();
    AckLedger ledger = new AckLedger(assignment.producerId());
    Producer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    int partitions = producer.partitionsFor(topic).size();
    long start = System.nanoTime();
    ProducerAgent agent =
        new ProducerAgent(
            assignment, producer, partitions, metrics, ledger, NanoClock.SYSTEM, start);
    agent.stopAfter(records);
    while (agent.sentCount() < records) {
      agent.doWork();
    }
    producer.flush();
    long elapsed = System.nanoTime() - start;
    producer.close(Duration.ofSeconds(30));
    LatencySummary latency = LatencySummary.of(metrics.intendedLatency().cumulative());
    double perSec = metrics.ackedCount() * 1e9 / elapsed;
    System.out.printf(
        Locale.ROOT,
        "%d records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency,"
            + " %.3f ms 50th, %.3f ms 95th, %.3f ms 99th, %.3f ms 99.9th, %d failed.%n",
        metrics.ackedCount(),
        perSec,
        perSec * recordSize / (1024.0 * 1024.0),
        latency.meanNanos() / 1e6,
        latency.maxNanos() / 1e6,
        latency.p50() / 1e6,
        latency.p95() / 1e6,
        latency.p99() / 1e6,
        latency.p999() / 1e6,
        metrics.failedCount());
    System.out.println(LoadBenchRun.CPU_PREFIX + LoadBenchPeer.processCpuNanos());
  }
}
