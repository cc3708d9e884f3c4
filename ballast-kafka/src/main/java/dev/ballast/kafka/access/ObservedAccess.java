package dev.ballast.kafka.access;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;

/**
 * What a cluster reported about one principal's access, as {@link AccessChecker} read it.
 *
 * @param clusterOperations the operations on the cluster it may do, or null when the cluster does
 *     not say
 * @param topicOperations the operations it may do on each topic it can see (the canary excluded)
 * @param topicsHidden whether a describe of an unknown topic name was refused (no DESCRIBE)
 * @param canary what is known about the canary topic
 * @param canaryOperations the operations on the canary topic, when it exists and is visible
 * @param groupsDescribable whether a describe of an unused group name was allowed
 */
public record ObservedAccess(
    Set<AclOperation> clusterOperations,
    Map<String, Set<AclOperation>> topicOperations,
    boolean topicsHidden,
    Canary canary,
    Set<AclOperation> canaryOperations,
    boolean groupsDescribable) {

  /** What is known about the canary topic. */
  public enum Canary {
    /** It exists and this principal sees it. */
    VISIBLE,
    /** It does not exist, and this principal may create it. */
    ABSENT_CREATABLE,
    /** It does not exist, and this principal may not create it. */
    ABSENT_NOT_CREATABLE,
    /** It exists, but this principal may not see it. */
    HIDDEN
  }

  /** Copies the collections. */
  public ObservedAccess {
    clusterOperations = clusterOperations == null ? null : Set.copyOf(clusterOperations);
    topicOperations = Map.copyOf(requireNonNull(topicOperations, "topicOperations"));
    requireNonNull(canary, "canary");
    canaryOperations = Set.copyOf(requireNonNull(canaryOperations, "canaryOperations"));
  }
}
