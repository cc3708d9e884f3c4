package dev.ballast.kafka.access;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One ACL operation on one resource, as an operator grants it with {@code kafka-acls.sh}.
 *
 * @param operation the operation, e.g. {@code ALTER_CONFIGS}
 * @param resourceType {@code CLUSTER}, {@code TOPIC} or {@code GROUP}
 * @param name the resource's name; null for every resource of the type (the topics to balance)
 */
public record Permission(AclOperation operation, ResourceType resourceType, String name) {

  /** Validates the permission. */
  public Permission {
    requireNonNull(operation, "operation");
    requireNonNull(resourceType, "resourceType");
  }

  /** Returns {@code operation} on the cluster resource. */
  public static Permission onCluster(AclOperation operation) {
    return new Permission(operation, ResourceType.CLUSTER, "kafka-cluster");
  }

  /** Returns {@code operation} on topic {@code name}. */
  public static Permission onTopic(AclOperation operation, String name) {
    return new Permission(operation, ResourceType.TOPIC, requireNonNull(name, "name"));
  }

  /** Returns {@code operation} on every topic Ballast works on. */
  public static Permission onTopics(AclOperation operation) {
    return new Permission(operation, ResourceType.TOPIC, null);
  }

  /** Returns {@code operation} on every consumer group. */
  public static Permission onGroups(AclOperation operation) {
    return new Permission(operation, ResourceType.GROUP, null);
  }

  /** Returns the permission as an operator reads it: "ALTER_CONFIGS on the cluster". */
  public String describe() {
    String on =
        switch (resourceType) {
          case CLUSTER -> "the cluster";
          case TOPIC -> name == null ? "the topics (or topic *)" : "topic " + name;
          case GROUP -> name == null ? "the consumer groups (or group *)" : "group " + name;
          default -> resourceType.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
        };
    return operation.name() + " on " + on;
  }

  /**
   * Returns the {@code kafka-acls.sh} options that grant this permission to {@code principal}, e.g.
   * {@code --add --allow-principal User:bob --operation AlterConfigs --cluster}.
   */
  public String aclCommand(String principal) {
    String resource =
        switch (resourceType) {
          case CLUSTER -> "--cluster";
          case TOPIC -> "--topic '" + (name == null ? "*" : name) + "'";
          case GROUP -> "--group '" + (name == null ? "*" : name) + "'";
          default -> "--" + resourceType.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
        };
    return "--add --allow-principal "
        + principal
        + " --operation "
        + kafkaAclsName(operation)
        + " "
        + resource;
  }

  private static String kafkaAclsName(AclOperation op) {
    // kafka-acls.sh spells operations in camel case: AlterConfigs, DescribeConfigs, ...
    StringBuilder sb = new StringBuilder();
    for (String part : op.name().split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
