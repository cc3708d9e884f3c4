package dev.ballast.kafka.access;

import dev.ballast.kafka.access.AccessCheck.Status;
import dev.ballast.kafka.access.ObservedAccess.Canary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclOperation;

/** Decides, from what a cluster reported, which permissions Ballast needs a principal has. */
public final class AccessChecks {

  private AccessChecks() {}

  /** Returns one check per {@link Requirement}, in declaration order. */
  public static List<AccessCheck> calculate(ObservedAccess seen) {
    List<AccessCheck> checks = new ArrayList<>();
    for (Requirement r : Requirement.values()) {
      checks.add(
          switch (r.permission().resourceType()) {
            case CLUSTER -> onCluster(r, seen.clusterOperations());
            case GROUP -> onGroups(r, seen.groupsDescribable());
            default -> r.permission().name() == null ? onTopics(r, seen) : onCanary(r, seen);
          });
    }
    return checks;
  }

  /** Returns the checks with status {@code status}. */
  public static List<AccessCheck> withStatus(List<AccessCheck> checks, Status status) {
    return checks.stream().filter(c -> c.status() == status).toList();
  }

  private static AccessCheck onCluster(Requirement r, Set<AclOperation> ops) {
    if (ops == null) {
      return new AccessCheck(
          r, Status.UNKNOWN, "the cluster does not report authorized operations");
    }
    return allows(ops, r.permission().operation())
        ? new AccessCheck(r, Status.PRESENT, "")
        : new AccessCheck(r, Status.MISSING, "");
  }

  private static AccessCheck onGroups(Requirement r, boolean describable) {
    return describable
        ? new AccessCheck(r, Status.PRESENT, "")
        : new AccessCheck(r, Status.MISSING, "describing a consumer group was refused");
  }

  private static AccessCheck onTopics(Requirement r, ObservedAccess seen) {
    Map<String, Set<AclOperation>> topics = seen.topicOperations();
    AclOperation op = r.permission().operation();
    if (topics.isEmpty()) {
      if (seen.topicsHidden()) {
        return new AccessCheck(
            r,
            Status.MISSING,
            op == AclOperation.DESCRIBE
                ? "no topic visible: describing a topic was refused"
                : "no topic visible: DESCRIBE on the topics is missing first");
      }
      return op == AclOperation.DESCRIBE
          ? new AccessCheck(r, Status.PRESENT, "the cluster has no topics yet")
          : new AccessCheck(r, Status.UNKNOWN, "the cluster has no topics to check it on");
    }
    Set<String> lacking = new TreeSet<>();
    topics.forEach(
        (name, ops) -> {
          if (!allows(ops, op)) {
            lacking.add(name);
          }
        });
    if (lacking.isEmpty()) {
      return new AccessCheck(r, Status.PRESENT, "on all " + topics.size() + " visible topic(s)");
    }
    List<String> some = lacking.stream().limit(3).toList();
    return new AccessCheck(
        r,
        Status.MISSING,
        "lacking on "
            + lacking.size()
            + " of "
            + topics.size()
            + " visible topic(s): "
            + String.join(", ", some)
            + (lacking.size() > some.size() ? ", ..." : ""));
  }

  private static AccessCheck onCanary(Requirement r, ObservedAccess seen) {
    AclOperation op = r.permission().operation();
    Canary canary = seen.canary();
    if (op == AclOperation.CREATE) {
      return switch (canary) {
        case VISIBLE, HIDDEN -> new AccessCheck(r, Status.PRESENT, "the topic exists already");
        case ABSENT_CREATABLE -> new AccessCheck(r, Status.PRESENT, "");
        case ABSENT_NOT_CREATABLE -> new AccessCheck(r, Status.MISSING, "");
      };
    }
    return switch (canary) {
      case VISIBLE ->
          allows(seen.canaryOperations(), op)
              ? new AccessCheck(r, Status.PRESENT, "")
              : new AccessCheck(r, Status.MISSING, "");
      case HIDDEN ->
          new AccessCheck(r, Status.MISSING, "the topic exists but this principal may not see it");
      case ABSENT_CREATABLE, ABSENT_NOT_CREATABLE ->
          new AccessCheck(r, Status.UNKNOWN, "the topic does not exist yet (balance creates it)");
    };
  }

  private static boolean allows(Set<AclOperation> ops, AclOperation op) {
    return ops.contains(op) || ops.contains(AclOperation.ALL);
  }
}
