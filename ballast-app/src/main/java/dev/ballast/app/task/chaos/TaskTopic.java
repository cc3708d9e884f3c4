package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.TaskContext;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescription.Partition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A task's own topic, seen through the Admin API: created with a replication factor and {@code
 * min.insync.replicas}, described as partitions (leader, replicas, ISR), given a preferred-leader
 * election, deleted. Describing tolerates a cluster that is briefly unable to answer.
 */
public final class TaskTopic implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Admin admin;
  private final String name;

  private TaskTopic(Admin admin, String name) {
    this.admin = admin;
    this.name = name;
  }

  /** Opens an Admin client on {@code client} for topic {@code name}. */
  public static TaskTopic open(ClientSettings client, String name) {
    return new TaskTopic(Admins.create(requireNonNull(client, "client"), TIMEOUT), name);
  }

  /**
   * Opens an Admin client on the task's cluster and creates topic {@code prefix-<runId>} with
   * {@code partitions}, {@code replicationFactor} and {@code minInsync}.
   */
  public static TaskTopic create(
      TaskContext context, String prefix, int partitions, int replicationFactor, int minInsync) {
    TaskTopic topic = open(context.cluster().client(), prefix + "-" + context.runId());
    topic.create(partitions, replicationFactor, minInsync);
    return topic;
  }

  /**
   * Returns whether all {@code partitions} exist and each has a leader among the cluster's brokers
   * (a new topic is ready for load).
   */
  public boolean ready(TaskContext context, int partitions) {
    Optional<List<Partition>> described = describe();
    return described.isPresent()
        && described.get().size() >= partitions
        && Leadership.allLedBy(described.get(), Set.copyOf(context.cluster().brokerIds()));
  }

  /** Deletes the topic and closes the client, for cleanup: never throws. */
  public void deleteAndClose() {
    delete();
    close();
  }

  /** Returns the topic's name. */
  public String name() {
    return name;
  }

  /** Returns the Admin client, for callers that need more. */
  public Admin admin() {
    return admin;
  }

  /** Creates the topic (an existing one of that name is an error: names are per run). */
  public void create(int partitions, int replicationFactor, int minInsync) {
    NewTopic topic =
        new NewTopic(name, partitions, (short) replicationFactor)
            .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync)));
    try {
      AdminCalls.get(admin.createTopics(List.of(topic)).all(), TIMEOUT, "create topic " + name);
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /** Returns the topic's partitions now, or empty when the cluster did not answer in time. */
  public Optional<List<Partition>> describe() {
    try {
      TopicDescription d =
          admin
              .describeTopics(List.of(name), new DescribeTopicsOptions().timeoutMs(5_000))
              .allTopicNames()
              .get(6, java.util.concurrent.TimeUnit.SECONDS)
              .get(name);
      List<Partition> partitions = new ArrayList<>();
      for (TopicPartitionInfo p : d.partitions()) {
        partitions.add(
            new Partition(
                p.partition(),
                p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(),
                ids(p.replicas()),
                ids(p.isr())));
      }
      return Optional.of(partitions);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Asks for a preferred-leader election on every partition (Ballast's leadership step). */
  public void electPreferredLeaders(int partitions) {
    Set<TopicPartition> tps =
        java.util.stream.IntStream.range(0, partitions)
            .mapToObj(p -> new TopicPartition(name, p))
            .collect(Collectors.toSet());
    try {
      admin
          .electLeaders(ElectionType.PREFERRED, tps)
          .partitions()
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // partitions already led by their preferred replica answer with an error; watching decides
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes the topic, ignoring failures (cleanup must go on). */
  public void delete() {
    try {
      admin.deleteTopics(List.of(name)).all().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // left behind; a later run uses another name
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Integer> ids(List<Node> nodes) {
    return nodes.stream().map(Node::id).toList();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
