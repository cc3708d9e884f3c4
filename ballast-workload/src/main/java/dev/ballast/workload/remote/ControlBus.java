package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka side of the control plane, for the controller and the workers alike: creates the
 * topics, writes keyed messages, opens readers of a whole topic, and lists the worker group's
 * static members. The control cluster may differ from the cluster under test.
 */
public final class ControlBus implements AutoCloseable {

  private final ControlTopics topics;
  private final Map<String, Object> config;
  private final Admin admin;
  private final KafkaProducer<String, byte[]> producer;

  /** Opens a bus on the control cluster of {@code config} (bootstrap servers and security). */
  public ControlBus(ControlTopics topics, Map<String, Object> config) {
    this.topics = requireNonNull(topics, "topics");
    this.config = Map.copyOf(config);
    this.admin = Admin.create(this.config);
    Map<String, Object> p = new HashMap<>(this.config);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Returns the topic names. */
  public ControlTopics topics() {
    return topics;
  }

  /** Creates the control topics that are missing (one partition each; control compacted). */
  public void ensureTopics(Duration timeout) {
    List<NewTopic> wanted = new ArrayList<>();
    wanted.add(
        new NewTopic(topics.control(), Optional.of(1), Optional.empty())
            .configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    Map<String, String> shortLived =
        Map.of(
            TopicConfig.RETENTION_MS_CONFIG,
            "3600000",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            Integer.toString(8 * 1024 * 1024));
    for (String t : List.of(topics.status(), topics.results(), topics.members())) {
      wanted.add(new NewTopic(t, Optional.of(1), Optional.empty()).configs(shortLived));
    }
    for (NewTopic t : wanted) {
      try {
        admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "cannot create control topic " + t.name() + ": " + e.getCause().getMessage(), e);
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "the control cluster did not answer within " + timeout + " (creating " + t.name() + ")",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Writes {@code value} (null: a tombstone) under {@code key} to {@code topic}. */
  public void send(String topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  /** Waits until everything written so far is acknowledged. */
  public void flush() {
    producer.flush();
  }

  /**
   * Returns a consumer without a group assigned every partition of {@code topic}, positioned at the
   * beginning or at the end.
   */
  public KafkaConsumer<String, byte[]> reader(String topic, boolean fromBeginning) {
    Map<String, Object> c = new HashMap<>(config);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(parts);
    if (fromBeginning) {
      consumer.seekToBeginning(parts);
    } else {
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position); // fix the position now, not at the first poll
    }
    return consumer;
  }

  /**
   * Returns a consumer that joins the worker group as the static member {@code workerId} with
   * {@code sessionTimeout}; the caller polls it to stay in the group.
   */
  public KafkaConsumer<String, byte[]> membership(String workerId, Duration sessionTimeout) {
    Map<String, Object> c = new HashMap<>(config);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, topics.workerGroup());
    c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, workerId);
    c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
    c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) sessionTimeout.toMillis() / 4);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics.members()));
    return consumer;
  }

  /** Returns the static member ids of the worker group now (empty when the group is empty). */
  public Set<String> members(Duration timeout) {
    try {
      ConsumerGroupDescription d =
          admin
              .describeConsumerGroups(List.of(topics.workerGroup()))
              .all()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(topics.workerGroup());
      Set<String> ids = new java.util.TreeSet<>();
      for (MemberDescription m : d.members()) {
        m.groupInstanceId().ifPresent(ids::add);
      }
      return ids;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe the worker group: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
