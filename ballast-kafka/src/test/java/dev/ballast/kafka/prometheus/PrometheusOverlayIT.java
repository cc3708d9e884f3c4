package dev.ballast.kafka.prometheus;

import static dev.ballast.kafka.prometheus.PrometheusFixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.model.PartitionLoad;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadSampler;
import dev.ballast.kafka.sample.SampleCollector;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sampler on a real cluster with a Strimzi-style endpoint whose counters the test sets, and a
 * clock the test advances: the measured bytes in replace the offset estimate exactly, split by the
 * messages each partition really took; a failing endpoint falls back with a warning.
 */
class PrometheusOverlayIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);

  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  private KafkaProducer<byte[], byte[]> producer;
  private ExpositionServer exporter;
  private final AtomicLong clock = new AtomicLong();
  private final AtomicLong bytesIn = new AtomicLong();
  private final AtomicInteger status = new AtomicInteger(200);

  @BeforeEach
  void start() {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(1));
    Properties a = new Properties();
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    admin = Admin.create(a);
    AdminCalls.get(
        admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1))).all(),
        TIMEOUT,
        "create orders");
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    exporter = ExpositionServer.start().route("/metrics", status::get, this::strimziText);
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.close();
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
  void measuredBytesInFollowThePrometheusCounterSplitByMessages() {
    LoadSampler sampler =
        new LoadSampler(
            new SampleCollector(admin, TIMEOUT, clock::get, t -> !t.startsWith("__")),
            2,
            Duration.ofSeconds(10),
            new PrometheusOverlay(
                new PrometheusScraper(
                    List.of(exporter.url("/metrics")),
                    PrometheusScraper.DEFAULT_TIMEOUT,
                    clock::get),
                2));
    bytesIn.set(1_000_000);
    sampler.doWork(clock.get());

    produce(P0, 100);
    produce(P1, 300);
    clock.set(10 * SECOND);
    bytesIn.addAndGet(4_000_000); // 400,000 B/s over the 10 s the clock moved
    sampler.doWork(clock.get());

    LoadEstimate e = sampler.estimate();
    assertThat(e.ready()).isTrue();
    PartitionLoad p0 = e.loads().get(P0);
    PartitionLoad p1 = e.loads().get(P1);
    assertThat(p0.messagesInPerSec()).isEqualTo(10.0);
    assertThat(p1.messagesInPerSec()).isEqualTo(30.0);
    assertThat(p0.bytesInPerSec()).isCloseTo(100_000.0, within(1e-6));
    assertThat(p1.bytesInPerSec()).isCloseTo(300_000.0, within(1e-6));
    // 20,000 B out over 10 s; without consumer groups the split follows the messages in
    assertThat(p0.bytesOutPerSec()).isCloseTo(500.0, within(1e-6));
    assertThat(p1.bytesOutPerSec()).isCloseTo(1_500.0, within(1e-6));
    assertThat(p0.sizeBytes()).isPositive();
    assertThat(e.warnings()).noneMatch(w -> w.contains("estimated from offsets"));

    status.set(503);
    produce(P0, 100);
    clock.set(20 * SECOND);
    sampler.doWork(clock.get());

    LoadEstimate fallback = sampler.estimate();
    String url = exporter.url("/metrics").toString();
    assertThat(fallback.warnings())
        .contains(
            "prometheus: " + url + ": HTTP 503",
            "prometheus: bytes in/out are estimated from offsets in this window");
    assertThat(fallback.loads().get(P0).messagesInPerSec()).isEqualTo(10.0);
    assertThat(fallback.loads().get(P0).bytesInPerSec()).isNotCloseTo(100_000.0, within(1.0));
  }

  private void produce(TopicPartition tp, int messages) {
    for (int i = 0; i < messages; i++) {
      producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), null, new byte[50]));
    }
    producer.flush();
  }

  private String strimziText() {
    return PrometheusFixtures.text("strimzi.txt")
        .replace(
            "kafka_server_brokertopicmetrics_bytesin_total{topic=\"orders\"} 4.194304E7",
            "kafka_server_brokertopicmetrics_bytesin_total{topic=\"orders\"} " + bytesIn.get())
        .replace(
            "kafka_server_brokertopicmetrics_bytesout_total{topic=\"orders\"} 8.388608E7",
            "kafka_server_brokertopicmetrics_bytesout_total{topic=\"orders\"} "
                + (bytesIn.get() / 200));
  }
}
