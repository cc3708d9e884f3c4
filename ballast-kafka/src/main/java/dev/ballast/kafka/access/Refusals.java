package dev.ballast.kafka.access;

import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import dev.ballast.kafka.canary.CanaryProber;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Turns the cluster's authorization and authentication errors into one-line refusals that name the
 * missing permission and what to grant. The permission a call needs is looked up from the call's
 * description (the {@code what} every Admin call of Ballast carries), then from the error's type.
 */
public final class Refusals {

  /** The option that avoids the canary topic. */
  public static final String NO_CANARY = "--no-canary";

  /**
   * A call description fragment and the permission such a call needs.
   *
   * @param fragment lower-case text the call's description contains
   * @param needed the permission
   * @param alternative an option that avoids the call, or null
   */
  private record Rule(String fragment, Permission needed, String alternative) {}

  // First match wins: the specific fragments come before the general ones.
  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "create the canary topic", Permission.onTopic(CREATE, CanaryProber.TOPIC), NO_CANARY),
          new Rule("canary partitions", Permission.onTopic(ALTER, CanaryProber.TOPIC), NO_CANARY),
          new Rule(
              "describe the canary topic",
              Permission.onTopic(DESCRIBE, CanaryProber.TOPIC),
              NO_CANARY),
          new Rule("canary", Permission.onTopic(WRITE, CanaryProber.TOPIC), NO_CANARY),
          new Rule("throttle", Permission.onCluster(ALTER_CONFIGS), null),
          new Rule("elect", Permission.onCluster(ALTER), null),
          new Rule("list reassignments", Permission.onCluster(DESCRIBE), null),
          new Rule("reassignment progress", Permission.onCluster(DESCRIBE), null),
          new Rule("reassignments in flight", Permission.onCluster(DESCRIBE), null),
          new Rule("reassign", Permission.onCluster(ALTER), null),
          new Rule("broker config", Permission.onCluster(DESCRIBE_CONFIGS), null),
          new Rule("change topic config", Permission.onTopics(ALTER_CONFIGS), null),
          new Rule("topic config", Permission.onTopics(DESCRIBE_CONFIGS), null),
          new Rule("log dir", Permission.onCluster(DESCRIBE), null),
          new Rule("consumer group", Permission.onGroups(DESCRIBE), null),
          new Rule("delete topic", Permission.onTopics(DELETE), null),
          new Rule("create topic", Permission.onTopics(CREATE), null),
          new Rule("partitions", Permission.onTopics(ALTER), null),
          new Rule("offsets", Permission.onTopics(DESCRIBE), null),
          new Rule("topic", Permission.onTopics(DESCRIBE), null),
          new Rule("cluster", Permission.onCluster(DESCRIBE), null));

  private Refusals() {}

  /**
   * Returns the refusal for call {@code what} that failed with {@code cause}, or empty when the
   * cause is not an authorization error.
   */
  public static Optional<AccessDeniedException> of(String what, Throwable cause) {
    AuthorizationException denied = find(cause, AuthorizationException.class);
    if (denied == null) {
      return Optional.empty();
    }
    Rule rule = rule(what);
    Permission needed = rule == null ? fromType(denied) : withTopicName(rule.needed(), denied);
    return Optional.of(
        new AccessDeniedException(what, needed, rule == null ? null : rule.alternative(), denied));
  }

  /**
   * Throws the refusal for call {@code what} when {@code cause} is an authorization error; returns
   * otherwise, for the caller to handle the other errors.
   */
  public static void throwIfDenied(String what, Throwable cause) {
    var denied = of(what, cause);
    if (denied.isPresent()) {
      throw denied.get();
    }
  }

  /** Returns the permission a call described as {@code what} needs, when the table knows it. */
  public static Optional<Permission> neededFor(String what) {
    Rule rule = rule(what);
    return rule == null ? Optional.empty() : Optional.of(rule.needed());
  }

  /**
   * Returns one line for the first access problem among {@code ex} and its causes, naming {@code
   * principal}, or empty when there is none.
   */
  public static Optional<String> describe(Throwable ex, String principal) {
    AccessDeniedException ours = find(ex, AccessDeniedException.class);
    if (ours != null) {
      return Optional.of("principal " + principal + " is " + ours.getMessage());
    }
    AuthorizationException denied = find(ex, AuthorizationException.class);
    if (denied != null) {
      Permission needed = fromWrappers(ex, denied);
      return Optional.of(
          "principal "
              + principal
              + " is not authorized: "
              + (needed == null ? denied.getMessage() : "grant " + needed.describe())
              + " (bin/ballast check-access lists every permission Ballast needs)");
    }
    AuthenticationException failed = find(ex, AuthenticationException.class);
    if (failed != null) {
      String check =
          failed instanceof SslAuthenticationException
              ? "check ssl.truststore.location and ssl.truststore.password in --command-config"
              : "check security.protocol, sasl.mechanism and sasl.jaas.config (user, password)"
                  + " in --command-config";
      return Optional.of(
          "authentication as " + principal + " failed: " + firstLine(failed) + "; " + check);
    }
    return Optional.empty();
  }

  /**
   * Returns whether {@code ex} or one of its causes is an authorization or authentication error.
   */
  public static boolean isAccessProblem(Throwable ex) {
    return find(ex, AccessDeniedException.class) != null
        || find(ex, AuthorizationException.class) != null
        || find(ex, AuthenticationException.class) != null;
  }

  /**
   * Returns the permission named by the first wrapper of {@code denied} whose message describes a
   * call the table knows ("cannot create topics: ..."), else the one the error's type implies.
   */
  private static Permission fromWrappers(Throwable ex, AuthorizationException denied) {
    for (Throwable t = ex; t != null && t != denied; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.startsWith("cannot ")) {
        int colon = message.indexOf(':');
        Rule rule = rule(colon < 0 ? message : message.substring(0, colon));
        if (rule != null) {
          return withTopicName(rule.needed(), denied);
        }
      }
    }
    return fromType(denied);
  }

  private static Rule rule(String what) {
    String w = what.toLowerCase(Locale.ROOT);
    return RULES.stream().filter(r -> w.contains(r.fragment())).findFirst().orElse(null);
  }

  private static Permission withTopicName(Permission p, AuthorizationException denied) {
    if (p.name() == null
        && denied instanceof TopicAuthorizationException t
        && t.unauthorizedTopics().size() == 1) {
      return Permission.onTopic(p.operation(), t.unauthorizedTopics().iterator().next());
    }
    return p;
  }

  private static Permission fromType(AuthorizationException denied) {
    if (denied instanceof GroupAuthorizationException g && g.groupId() != null) {
      return new Permission(
          DESCRIBE, org.apache.kafka.common.resource.ResourceType.GROUP, g.groupId());
    }
    if (denied instanceof TopicAuthorizationException t && t.unauthorizedTopics().size() == 1) {
      return Permission.onTopic(DESCRIBE, t.unauthorizedTopics().iterator().next());
    }
    if (denied instanceof TopicAuthorizationException) {
      return Permission.onTopics(DESCRIBE);
    }
    if (denied instanceof ClusterAuthorizationException) {
      return null; // which cluster operation depends on the call
    }
    return null;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
