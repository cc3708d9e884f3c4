package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.snapshot.SnapshotCodec;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snapshot --prometheus-url} on a real cluster: a producer writes to partition 0 only, and a
 * Strimzi-style endpoint on 127.0.0.1 reports 50 MB/s in for the topic (far from what the offsets
 * imply), so the snapshot's bytes in can only have come from the endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotPrometheusIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final double BYTES_PER_SEC = 50_000_000;

  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  private KafkaProducer<byte[], byte[]> producer;
  private ScheduledExecutorService load;
  private HttpServer exporter;
  private final long started = System.nanoTime();
  @TempDir Path dir;

  @BeforeAll
  void start() throws IOException {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(1));
    Properties a = new Properties();
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(a);
    AdminCalls.get(
        admin.createTopics(List.of(new NewTopic("measured", 2, (short) 1))).all(),
        TIMEOUT,
        "create measured");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    load = Executors.newSingleThreadScheduledExecutor();
    load.scheduleAtFixedRate(
        () -> {
          for (int i = 0; i < 10; i++) {
            producer.send(new ProducerRecord<>("measured", 0, null, new byte[100]));
          }
        },
        0,
        20,
        TimeUnit.MILLISECONDS);
    exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    exporter.createContext(
        "/metrics",
        exchange -> {
          byte[] body = strimziText().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    exporter.start();
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (exporter != null) {
      exporter.stop(0);
    }
    if (load != null) {
      load.shutdownNow();
      load.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void bytesInComeFromTheEndpointSplitByTheMessagesEachPartitionTook() throws IOException {
    String url = "http://127.0.0.1:" + exporter.getAddress().getPort() + "/metrics";
    Path file = dir.resolve("measured.json");

    CommandRun run = snapshot(file, url);

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("bytes in/out measured by Prometheus (strimzi) at 1 endpoint(s)");
    ClusterModel model = SnapshotCodec.parse(Files.readString(file));
    Partition p0 = partition(model, 0);
    Partition p1 = partition(model, 1);
    assertThat(p0.load().messagesInPerSec()).isPositive();
    assertThat(p0.load().bytesInPerSec()).isBetween(BYTES_PER_SEC / 2, BYTES_PER_SEC * 2);
    assertThat(p1.load().messagesInPerSec()).isZero();
    assertThat(p1.load().bytesInPerSec()).isZero();
  }

  @Test
  void anEndpointThatDoesNotAnswerFallsBackToOffsetsAndSaysSo() throws IOException {
    String url = "http://127.0.0.1:" + closedPort() + "/metrics";
    Path file = dir.resolve("fallback.json");

    CommandRun run = snapshot(file, url);

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "warning: prometheus: " + url + ": connection refused",
            "warning: prometheus: bytes in/out are estimated from offsets in this window")
        .doesNotContain("measured by Prometheus");
    Partition p0 = partition(SnapshotCodec.parse(Files.readString(file)), 0);
    assertThat(p0.load().bytesInPerSec()).isLessThan(BYTES_PER_SEC / 2);
  }

  @Test
  void helpNamesTheExportersUnderstood() {
    CommandRun run = CommandRun.of("snapshot", "--help");

    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("--prometheus-url=URL[,URL...]")
        .contains("kafka_server_brokertopicmetrics_bytesin_total")
        .contains("kafka_network_io_bytes_total");
  }

  private CommandRun snapshot(Path file, String url) {
    return CommandRun.of(
        "snapshot",
        "--bootstrap-server",
        cluster.bootstrapServers(),
        "-o",
        file.toString(),
        "--samples",
        "2",
        "--interval",
        "1s",
        "--prometheus-url",
        url);
  }

  private static Partition partition(ClusterModel model, int number) {
    return model.partitions().stream()
        .filter(p -> p.topic().equals("measured") && p.partition() == number)
        .findFirst()
        .orElseThrow();
  }

  /** Returns a Strimzi-style exposition whose counter grows at BYTES_PER_SEC in real time. */
  private String strimziText() {
    long bytes = (long) (BYTES_PER_SEC * (System.nanoTime() - started) / 1e9);
    return """
        # HELP jvm_threads_current Current thread count of a JVM
        # TYPE jvm_threads_current gauge
        jvm_threads_current 64.0
        # HELP kafka_server_brokertopicmetrics_bytesin_total Attribute exposed for management
        # TYPE kafka_server_brokertopicmetrics_bytesin_total counter
        kafka_server_brokertopicmetrics_bytesin_total %d
        kafka_server_brokertopicmetrics_bytesin_total{topic="measured"} %d
        kafka_server_brokertopicmetrics_bytesin_total{topic="__consumer_offsets"} 4096
        """
        .formatted(bytes, bytes);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
