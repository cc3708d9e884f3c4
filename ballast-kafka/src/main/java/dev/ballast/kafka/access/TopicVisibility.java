package dev.ballast.kafka.access;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.canary.CanaryProber;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Tells an empty cluster from one whose topics the principal may not see. Kafka hides topics a
 * principal may not DESCRIBE from topic lists, but answers a describe of any one topic name with an
 * authorization error instead of "unknown topic", so one describe tells the two apart.
 */
public final class TopicVisibility {

  private TopicVisibility() {}

  /** Returns whether the principal behind {@code admin} lacks DESCRIBE on topics (by probe). */
  public static boolean hidden(Admin admin, Duration timeout) {
    requireNonNull(admin, "admin");
    try {
      admin
          .describeTopics(
              Set.of(CanaryProber.TOPIC),
              new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
          .allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return false;
    } catch (ExecutionException e) {
      return e.getCause() instanceof TopicAuthorizationException;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Returns the refusal for a principal that sees no topic at all. */
  public static AccessDeniedException noTopicVisible() {
    return new AccessDeniedException(
        "see any topic",
        Permission.onTopics(org.apache.kafka.common.acl.AclOperation.DESCRIBE),
        null,
        null);
  }
}
