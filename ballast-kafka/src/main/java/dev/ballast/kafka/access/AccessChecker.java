package dev.ballast.kafka.access;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.access.ObservedAccess.Canary;
import dev.ballast.kafka.canary.CanaryProber;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Reads what the cluster says one principal may do: the cluster's and every visible topic's
 * authorized operations ({@code includeAuthorizedOperations}), plus probes that change nothing: a
 * validate-only create of the canary topic and describes of a topic and a group no one uses.
 */
public final class AccessChecker {

  /** A consumer group name no one uses, described to learn whether groups may be described. */
  static final String PROBE_GROUP = "__ballast_access_probe";

  private final Admin admin;
  private final Duration timeout;

  /** Creates a checker over {@code admin}, giving every call {@code timeout}. */
  public AccessChecker(Admin admin, Duration timeout) {
    this.admin = requireNonNull(admin, "admin");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  /** Returns what the cluster reports about this principal's access. */
  public ObservedAccess observe() {
    int ms = (int) timeout.toMillis();
    Set<AclOperation> clusterOps =
        AdminCalls.get(
            admin
                .describeCluster(
                    new DescribeClusterOptions().includeAuthorizedOperations(true).timeoutMs(ms))
                .authorizedOperations(),
            timeout,
            "describe the cluster");
    Set<String> names =
        new HashSet<>(
            AdminCalls.get(
                admin.listTopics(new ListTopicsOptions().timeoutMs(ms)).names(),
                timeout,
                "list topics"));
    boolean canaryVisible = names.remove(CanaryProber.TOPIC);
    Map<String, Set<AclOperation>> topicOps = operations(names);
    boolean hidden = names.isEmpty() && TopicVisibility.hidden(admin, timeout);
    Set<AclOperation> canaryOps =
        canaryVisible ? operations(Set.of(CanaryProber.TOPIC)).get(CanaryProber.TOPIC) : Set.of();
    return new ObservedAccess(
        clusterOps,
        topicOps,
        hidden,
        canaryVisible ? Canary.VISIBLE : probeCanaryCreate(),
        canaryOps == null ? Set.of() : canaryOps,
        probeGroups());
  }

  private Map<String, Set<AclOperation>> operations(Set<String> topics) {
    Map<String, Set<AclOperation>> ops = new TreeMap<>();
    if (topics.isEmpty()) {
      return ops;
    }
    Map<String, TopicDescription> described =
        AdminCalls.get(
            admin
                .describeTopics(
                    topics,
                    new DescribeTopicsOptions()
                        .includeAuthorizedOperations(true)
                        .timeoutMs((int) timeout.toMillis()))
                .allTopicNames(),
            timeout,
            "describe topics");
    described.forEach(
        (name, d) ->
            ops.put(name, d.authorizedOperations() == null ? Set.of() : d.authorizedOperations()));
    return ops;
  }

  private Canary probeCanaryCreate() {
    Throwable failure =
        failure(
            admin
                .createTopics(
                    List.of(new NewTopic(CanaryProber.TOPIC, 1, (short) 1)),
                    new CreateTopicsOptions().validateOnly(true))
                .all());
    if (failure == null) {
      return Canary.ABSENT_CREATABLE;
    }
    if (failure instanceof TopicExistsException) {
      return Canary.HIDDEN;
    }
    if (failure instanceof AuthorizationException) {
      return Canary.ABSENT_NOT_CREATABLE;
    }
    throw new IllegalStateException(
        "cannot check whether the canary topic may be created: " + failure.getMessage(), failure);
  }

  private boolean probeGroups() {
    Throwable failure =
        failure(
            admin
                .describeConsumerGroups(
                    List.of(PROBE_GROUP),
                    new DescribeConsumerGroupsOptions().timeoutMs((int) timeout.toMillis()))
                .all());
    // An unknown group is fine: only a refusal says DESCRIBE on groups is missing.
    return !(failure instanceof AuthorizationException);
  }

  /** Returns why {@code future} failed, or null when it succeeded. */
  private Throwable failure(KafkaFuture<?> future) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      return new org.apache.kafka.common.errors.TimeoutException("no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }
}
