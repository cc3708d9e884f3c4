package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.Admins;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The Admin calls tasks make in prepare and cleanup: create a topic, delete it and a group
 * (idempotently, so cleanup can run whatever phase was reached), compare a group's committed
 * offsets with the log ends. Every call is bounded by the timeout and interruptible.
 */
public final class TaskAdmin implements AutoCloseable {

  private final Admin admin;
  private final Duration timeout;

  /** Connects to {@code cluster}; calls give up after {@code timeout}. */
  public TaskAdmin(TaskCluster cluster, Duration timeout) {
    this.timeout = requireNonNull(timeout, "timeout");
    this.admin = Admins.create(cluster.client(), timeout);
  }

  /** Returns the Admin client, for calls this class does not wrap. */
  public Admin admin() {
    return admin;
  }

  /** Creates {@code name} with {@code partitions} and {@code replicas}, and {@code configs}. */
  public void createTopic(String name, int partitions, int replicas, Map<String, String> configs) {
    NewTopic t = new NewTopic(name, partitions, (short) replicas).configs(configs);
    try {
      get(admin.createTopics(List.of(t)).all(), "create topic " + name);
    } catch (InfrastructureException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /** Deletes topic {@code name} if it exists. */
  public void deleteTopic(String name) {
    try {
      get(admin.deleteTopics(List.of(name)).all(), "delete topic " + name);
    } catch (InfrastructureException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw e;
      }
    }
  }

  /** Deletes consumer group {@code group} if it exists. */
  public void deleteGroup(String group) {
    try {
      get(admin.deleteConsumerGroups(List.of(group)).all(), "delete group " + group);
    } catch (InfrastructureException e) {
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw e;
      }
    }
  }

  /** Returns the topic's description. */
  public TopicDescription describe(String topic) {
    return get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic)
        .get(topic);
  }

  /**
   * Returns whether {@code group} has committed, on every partition of {@code topic}, the log-end
   * offset: it has read everything there is, whatever was acknowledged.
   */
  public boolean committedToEnd(String group, String topic) {
    TopicDescription d = describe(topic);
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    d.partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    var ends = get(admin.listOffsets(latest).all(), "list offsets of " + topic);
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
            "offsets of " + group);
    for (var e : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      long end = e.getValue().offset();
      if (end > 0 && (c == null || c.offset() < end)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the ids of brokers in the cluster now. */
  public Set<Integer> brokers() {
    Set<Integer> ids = new java.util.TreeSet<>();
    get(admin.describeCluster().nodes(), "describe cluster").forEach(n -> ids.add(n.id()));
    return ids;
  }

  private <T> T get(KafkaFuture<T> future, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new InfrastructureException(
          what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new InfrastructureException(
          what + ": no answer within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException(what + ": interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
