package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClientSettings;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The execution journal in a compacted topic on the cluster it describes ({@value #TOPIC}): it
 * survives the Ballast process and its host, so another Ballast (another pod, another machine) can
 * take over. Writes wait for {@code acks=all}; opening reads the topic from the start.
 */
public final class TopicJournal extends KeyedJournal {

  /** The journal topic's name. */
  public static final String TOPIC = "__ballast_journal";

  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private final KafkaProducer<byte[], byte[]> producer;
  private final Duration timeout;

  private TopicJournal(KafkaProducer<byte[], byte[]> producer, Duration timeout) {
    super("topic " + TOPIC);
    this.producer = producer;
    this.timeout = timeout;
  }

  /**
   * Opens the journal of the cluster behind {@code admin}, creating its topic when missing, and
   * reads what it holds.
   *
   * @throws JournalAccessException when the principal may not create, read or write the topic
   */
  public static TopicJournal open(ClientSettings client, Admin admin, Duration timeout) {
    requireNonNull(client, "client");
    requireNonNull(admin, "admin");
    requireNonNull(timeout, "timeout");
    ensureTopic(admin, timeout);
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(client, timeout));
    TopicJournal journal = new TopicJournal(producer, timeout);
    try {
      journal.readAll(client);
      return journal;
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** Returns {@code host/pid} of this process, the owner written with every move. */
  public static String owner() {
    return ManagementFactory.getRuntimeMXBean().getName().replace('@', '/');
  }

  private static void ensureTopic(Admin admin, Duration timeout) {
    try {
      if (AdminCalls.get(admin.listTopics().names(), timeout, "list topics").contains(TOPIC)) {
        return;
      }
      int brokers =
          AdminCalls.get(admin.describeCluster().nodes(), timeout, "describe the cluster").size();
      short rf = (short) Math.max(1, Math.min(3, brokers));
      NewTopic topic =
          new NewTopic(TOPIC, 1, rf)
              .configs(
                  Map.of(
                      TopicConfig.CLEANUP_POLICY_CONFIG,
                      TopicConfig.CLEANUP_POLICY_COMPACT,
                      TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                      rf >= 3 ? "2" : "1"));
      AdminCalls.get(
          admin.createTopics(List.of(topic)).all(), timeout, "create the journal topic " + TOPIC);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return;
      }
      if (e.getCause() instanceof AuthorizationException) {
        throw denied(
            "CREATE on topic " + TOPIC + " (or have an admin create it: " + create() + ")", e);
      }
      throw e;
    }
  }

  private void readAll(ClientSettings client) {
    Properties p = client.toProperties();
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long end = consumer.endOffsets(Set.of(PARTITION), timeout).get(PARTITION);
      long polls = Math.max(1, timeout.toMillis() / 200);
      while (consumer.position(PARTITION, timeout) < end) {
        if (polls-- <= 0) {
          throw new dev.ballast.kafka.ClusterUnreachableException(
              "timed out reading the journal topic " + TOPIC, null);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          loadRecord(r);
        }
      }
    } catch (AuthorizationException e) {
      throw denied("READ and DESCRIBE on topic " + TOPIC, e);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new dev.ballast.kafka.ClusterUnreachableException(
          "timed out reading the journal topic " + TOPIC + ": " + e.getMessage(), e);
    }
  }

  private void loadRecord(ConsumerRecord<byte[], byte[]> r) {
    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
    String value = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
    try {
      load(key, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "record at offset "
              + r.offset()
              + " of the journal topic "
              + TOPIC
              + " is not Ballast's: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  void persist(Map<String, String> changes) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    changes.forEach(
        (k, v) ->
            sent.add(
                producer.send(
                    new ProducerRecord<>(
                        TOPIC,
                        0,
                        k.getBytes(StandardCharsets.UTF_8),
                        v == null ? null : v.getBytes(StandardCharsets.UTF_8)))));
    producer.flush();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof AuthorizationException) {
          throw denied("WRITE on topic " + TOPIC, e.getCause());
        }
        throw new dev.ballast.kafka.KafkaCallException(
            "cannot write the journal topic " + TOPIC + ": " + e.getCause().getMessage(), e);
      } catch (TimeoutException e) {
        throw new dev.ballast.kafka.ClusterUnreachableException(
            "timed out after " + timeout.toSeconds() + " s writing the journal topic " + TOPIC, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new dev.ballast.kafka.KafkaCallException("interrupted writing the journal", e);
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }

  private static Properties producerProps(ClientSettings client, Duration timeout) {
    Properties p = client.toProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    // Records are keyed and idempotent by key: a retried duplicate changes nothing, and without
    // idempotence the principal needs no IDEMPOTENT_WRITE on older clusters.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(1000, ms / 2)));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Math.max(2000, ms)));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(Math.max(1000, ms)));
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  private static JournalAccessException denied(String grant, Throwable cause) {
    return new JournalAccessException(
        "Ballast journals what it applies in the topic "
            + TOPIC
            + " and this principal may not use it: grant "
            + grant
            + "; nothing was applied",
        cause);
  }

  private static String create() {
    return "kafka-topics.sh --create --topic "
        + TOPIC
        + " --partitions 1 --replication-factor 3 --config cleanup.policy=compact";
  }
}
