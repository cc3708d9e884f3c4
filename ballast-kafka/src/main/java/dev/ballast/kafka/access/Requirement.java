package dev.ballast.kafka.access;

import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import dev.ballast.kafka.canary.CanaryProber;

/** A permission Ballast needs, with what it does with it. */
public enum Requirement {
  /** DESCRIBE on the cluster. */
  DESCRIBE_CLUSTER(
      Permission.onCluster(DESCRIBE),
      "describe log dirs (replica sizes), list reassignments in flight",
      null),
  /** DESCRIBE_CONFIGS on the cluster. */
  DESCRIBE_CLUSTER_CONFIGS(
      Permission.onCluster(DESCRIBE_CONFIGS), "read broker configs (throttles in place)", null),
  /** ALTER_CONFIGS on the cluster. */
  ALTER_CLUSTER_CONFIGS(
      Permission.onCluster(ALTER_CONFIGS), "set and remove broker replication throttles", null),
  /** ALTER on the cluster. */
  ALTER_CLUSTER(
      Permission.onCluster(ALTER), "alter partition reassignments, elect preferred leaders", null),
  /** DESCRIBE on topics. */
  DESCRIBE_TOPICS(
      Permission.onTopics(DESCRIBE), "see topics and their placement, list offsets (load)", null),
  /** DESCRIBE_CONFIGS on topics. */
  DESCRIBE_TOPIC_CONFIGS(
      Permission.onTopics(DESCRIBE_CONFIGS),
      "read topic configs (doctor, throttled replicas)",
      null),
  /** ALTER_CONFIGS on topics. */
  ALTER_TOPIC_CONFIGS(
      Permission.onTopics(ALTER_CONFIGS),
      "set and remove the throttled replicas of moved topics",
      null),
  /** CREATE on the canary topic. */
  CREATE_CANARY(
      Permission.onTopic(CREATE, CanaryProber.TOPIC),
      "create the canary topic (broker latency)",
      Refusals.NO_CANARY),
  /** WRITE on the canary topic. */
  WRITE_CANARY(
      Permission.onTopic(WRITE, CanaryProber.TOPIC),
      "produce the canary's probes (broker latency)",
      Refusals.NO_CANARY),
  /** DESCRIBE on consumer groups. */
  DESCRIBE_GROUPS(
      Permission.onGroups(DESCRIBE), "read committed offsets (bytes out per partition)", null);

  private final Permission permission;
  private final String purpose;
  private final String alternative;

  Requirement(Permission permission, String purpose, String alternative) {
    this.permission = permission;
    this.purpose = purpose;
    this.alternative = alternative;
  }

  /** Returns the permission. */
  public Permission permission() {
    return permission;
  }

  /** Returns what Ballast does with it. */
  public String purpose() {
    return purpose;
  }

  /** Returns the option that makes Ballast do without it, or null. */
  public String alternative() {
    return alternative;
  }
}
