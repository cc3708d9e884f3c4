package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.internals.Topic;

/**
 * The Kafka internal topics of the marathon's embedded cluster (consumer offsets, transaction
 * state): replicated three times once it has three brokers, and created at start, so a broker the
 * chaos tasks kill never takes a group's or a transaction's coordinator down with it.
 */
final class InternalTopics {

  /** The replication factor of the internal topics on a cluster of at least as many brokers. */
  static final int REPLICATION_FACTOR = 3;

  private static final String PROBE = "ballast-marathon-internal-topics";

  private InternalTopics() {}

  /**
   * Returns the broker settings that give the internal topics replication factor 3 (the transaction
   * state log min ISR 2) on {@code brokers >= 3} brokers, and nothing on fewer; the user's {@code
   * --broker-config} is applied after them and wins.
   */
  static Map<String, String> brokerSettings(int brokers) {
    if (brokers < REPLICATION_FACTOR) {
      return Map.of();
    }
    String rf = Integer.toString(REPLICATION_FACTOR);
    return Map.of(
        "offsets.topic.replication.factor", rf,
        "transaction.state.log.replication.factor", rf,
        "transaction.state.log.min.isr", Integer.toString(REPLICATION_FACTOR - 1));
  }

  /**
   * Makes the brokers create {@code __consumer_offsets} and {@code __transaction_state} now (a
   * coordinator look-up creates them) and returns their descriptions once every partition has a
   * leader.
   *
   * @throws IllegalStateException when they are not there within {@code timeout}
   */
  static List<TopicDescription> create(Admin admin, Duration timeout) throws InterruptedException {
    requireNonNull(admin, "admin");
    long deadline = System.nanoTime() + timeout.toNanos();
    // Each look-up retries while its topic is being created; what it finds afterwards (no such
    // group or transactional id) does not matter.
    lookUp(admin.describeConsumerGroups(List.of(PROBE)).all(), timeout);
    lookUp(admin.describeTransactions(List.of(PROBE)).all(), timeout);
    List<String> names =
        List.of(Topic.GROUP_METADATA_TOPIC_NAME, Topic.TRANSACTION_STATE_TOPIC_NAME);
    while (true) {
      try {
        Map<String, TopicDescription> topics =
            admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
        if (topics.values().stream().allMatch(InternalTopics::led)) {
          return names.stream().map(topics::get).toList();
        }
      } catch (ExecutionException | TimeoutException e) {
        // not created yet: look again
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "the embedded cluster did not create "
                + String.join(" and ", names)
                + " within "
                + timeout.toSeconds()
                + " s");
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      if (Thread.interrupted()) {
        throw new InterruptedException("waiting for the internal topics");
      }
    }
  }

  private static boolean led(TopicDescription t) {
    return !t.partitions().isEmpty() && t.partitions().stream().allMatch(p -> p.leader() != null);
  }

  private static void lookUp(org.apache.kafka.common.KafkaFuture<?> f, Duration timeout)
      throws InterruptedException {
    try {
      f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // GroupIdNotFound / TransactionalIdNotFound once the coordinator answered; a timeout is
      // judged by the wait for the topics below.
    }
  }
}
