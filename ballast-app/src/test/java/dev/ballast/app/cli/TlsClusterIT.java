package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.ClusterSecurity;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

/**
 * The commands through {@code --command-config} on a TLS cluster whose certificates were made at
 * start; the fault proxy still sits between clients and brokers and still delays them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsClusterIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private EmbeddedKafkaCluster cluster;
  private String config;

  @BeforeAll
  void start() {
    cluster =
        EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(2).withSecurity(ClusterSecurity.SSL));
    config = cluster.clientConfigFiles().get("admin").toString();
    try (Admin admin = Admin.create(props())) {
      AdminCalls.get(
          admin
              .createTopics(
                  List.of(new NewTopic("secure", Map.of(0, List.of(0, 1), 1, List.of(1, 0)))))
              .all(),
          TIMEOUT,
          "create secure");
    }
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void commandsRunThroughTheClientPropertiesFile() {
    CliRun describe =
        CliRun.of(
            "cluster",
            "describe",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--command-config",
            config);
    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("2 broker(s), 1 topic(s)").contains("secure");

    CliRun access =
        CliRun.of(
            "check-access",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--command-config",
            config);
    assertThat(access.exitCode()).as(access.out() + access.err()).isZero();
    assertThat(access.out()).contains("access of User:ANONYMOUS").doesNotContain("MISSING");
  }

  @Test
  void aPlaintextClientGetsTheUnreachableLineWithExitThree() {
    CliRun run =
        CliRun.of(
            "cluster",
            "describe",
            "--bootstrap-server",
            cluster.bootstrapServers(),
            "--timeout",
            "3");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("--command-config for TLS/SASL");
  }

  @Test
  void theFaultProxyForwardsTlsAndStillDelaysIt() throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      long plain = timeSend(producer);
      cluster.setLatency(0, Duration.ofMillis(300));
      try {
        long slowed = timeSend(producer);
        assertThat(slowed).as("plain %d ms", plain).isGreaterThanOrEqualTo(300);
      } finally {
        cluster.setLatency(0, Duration.ZERO);
      }
    }
  }

  /** Returns how many ms an acknowledged send to partition 0 (led by broker 0) takes. */
  private static long timeSend(KafkaProducer<byte[], byte[]> producer) throws Exception {
    long start = System.nanoTime();
    producer.send(new ProducerRecord<>("secure", 0, null, new byte[16])).get(30, TimeUnit.SECONDS);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private KafkaProducer<byte[], byte[]> producer() throws Exception {
    Properties p = props();
    p.put(ProducerConfig.ACKS_CONFIG, "1");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    timeSend(producer); // connect and fetch metadata before timing
    return producer;
  }

  private Properties props() {
    Properties p = new Properties();
    p.putAll(cluster.clientProperties());
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    return p;
  }
}
