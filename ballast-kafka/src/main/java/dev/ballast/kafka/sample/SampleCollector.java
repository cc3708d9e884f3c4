package dev.ballast.kafka.sample;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.access.Refusals;
import dev.ballast.kafka.access.TopicVisibility;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Takes one {@link ClusterSample} through the Admin API: listOffsets (latest and earliest) for
 * every partition of the topics of interest, describeLogDirs on every broker, and the committed
 * offsets of every consumer group. No broker plugin is needed, so it works on MSK and AutoMQ.
 */
public final class SampleCollector {

  private final Admin admin;
  private final Duration timeout;
  private final LongSupplier nanoClock;
  private final Predicate<String> topicFilter;
  private final Map<Integer, dev.ballast.kafka.LogDirs> lastLogDirs =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Creates a collector.
   *
   * @param topicFilter which (non-internal) topics to sample
   * @param nanoClock the clock samples are stamped with
   */
  public SampleCollector(
      Admin admin, Duration timeout, LongSupplier nanoClock, Predicate<String> topicFilter) {
    this.admin = requireNonNull(admin, "admin");
    this.timeout = requireNonNull(timeout, "timeout");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.topicFilter = requireNonNull(topicFilter, "topicFilter");
  }

  /** Reads one sample from the cluster. */
  public ClusterSample collect() {
    int ms = (int) timeout.toMillis();
    Set<String> topics =
        new HashSet<>(
            AdminCalls.get(
                admin.listTopics(new ListTopicsOptions().timeoutMs(ms)).names(),
                timeout,
                "list topics"));
    if (topics.isEmpty() && TopicVisibility.hidden(admin, timeout)) {
      throw TopicVisibility.noTopicVisible();
    }
    topics.removeIf(topicFilter.negate());
    Map<String, TopicDescription> described =
        topics.isEmpty()
            ? Map.of()
            : AdminCalls.get(
                admin
                    .describeTopics(topics, new DescribeTopicsOptions().timeoutMs(ms))
                    .allTopicNames(),
                timeout,
                "describe topics");
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    described.forEach(
        (name, d) -> {
          for (TopicPartitionInfo p : d.partitions()) {
            if (p.leader() != null && !p.leader().isEmpty()) {
              latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
              earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
            }
          }
        });
    // The offsets are as of some instant during the call: stamp its midpoint.
    long sent = nanoClock.getAsLong();
    Map<TopicPartition, Long> ends = offsets(latest);
    long nanos = sent + (nanoClock.getAsLong() - sent) / 2;
    Map<TopicPartition, Long> starts = offsets(earliest);
    Set<Integer> silent = new HashSet<>();
    Map<TopicPartition, Map<Integer, Long>> sizes = replicaSizes(topics, silent);
    Map<TopicPartition, Map<String, Long>> committed = committedOffsets(topics);
    return new ClusterSample(nanos, ends, starts, sizes, committed, silent);
  }

  private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs) {
    Map<TopicPartition, Long> out = new HashMap<>();
    if (specs.isEmpty()) {
      return out;
    }
    var result = admin.listOffsets(specs);
    for (TopicPartition tp : specs.keySet()) {
      try {
        out.put(
            tp, result.partitionResult(tp).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset());
      } catch (ExecutionException | TimeoutException e) {
        // leader moving or offline: this partition is missing from the sample
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return out;
      }
    }
    return out;
  }

  /** Returns the log dirs of every broker that answered the last round (KIP-1066 cordoning). */
  public Map<Integer, dev.ballast.kafka.LogDirs> logDirs() {
    return Map.copyOf(lastLogDirs);
  }

  private Map<TopicPartition, Map<Integer, Long>> replicaSizes(
      Set<String> topics, Set<Integer> silent) {
    Collection<Node> nodes =
        AdminCalls.get(
            admin
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes(),
            timeout,
            "describe the cluster");
    List<Integer> ids = nodes.stream().map(Node::id).toList();
    Map<TopicPartition, Map<Integer, Long>> sizes = new HashMap<>();
    var result = admin.describeLogDirs(ids).descriptions();
    for (int id : ids) {
      Map<String, LogDirDescription> dirs;
      try {
        dirs = result.get(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Refusals.throwIfDenied("describe log dirs", e.getCause());
        silent.add(id);
        continue;
      } catch (TimeoutException e) {
        silent.add(id);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return sizes;
      }
      lastLogDirs.put(id, dev.ballast.kafka.LogDirs.of(dirs));
      for (LogDirDescription dir : dirs.values()) {
        for (Map.Entry<TopicPartition, ReplicaInfo> r : dir.replicaInfos().entrySet()) {
          if (!r.getValue().isFuture() && topics.contains(r.getKey().topic())) {
            sizes
                .computeIfAbsent(r.getKey(), k -> new HashMap<>())
                .merge(id, r.getValue().size(), Long::sum);
          }
        }
      }
    }
    return sizes;
  }

  private Map<TopicPartition, Map<String, Long>> committedOffsets(Set<String> topics) {
    Collection<GroupListing> groups =
        AdminCalls.get(
            admin.listGroups(ListGroupsOptions.forConsumerGroups()).all(),
            timeout,
            "list consumer groups");
    Map<TopicPartition, Map<String, Long>> committed = new HashMap<>();
    for (GroupListing g : groups) {
      Map<TopicPartition, OffsetAndMetadata> offsets;
      try {
        offsets =
            admin
                .listConsumerGroupOffsets(g.groupId())
                .partitionsToOffsetAndMetadata()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        continue; // the group went away or its coordinator moved: skip it this round
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return committed;
      }
      offsets.forEach(
          (tp, om) -> {
            if (om != null && topics.contains(tp.topic())) {
              committed.computeIfAbsent(tp, k -> new HashMap<>()).put(g.groupId(), om.offset());
            }
          });
    }
    return committed;
  }
}
