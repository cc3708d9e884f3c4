package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.workload.spec.Durations;
import dev.ballast.workload.spec.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates a workload's topics that do not exist yet, with their placement when one is given. */
public final class TopicPreparer {

  private final Admin admin;
  private final Duration timeout;

  /** Creates a preparer that calls the cluster through {@code admin}. */
  public TopicPreparer(Admin admin, Duration timeout) {
    this.admin = requireNonNull(admin, "admin");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  /**
   * Creates every topic of {@code topics} that is missing and returns one line per topic saying
   * what was done (created, or already there with its partition count).
   */
  public List<String> prepare(List<TopicSpec> topics) {
    List<String> report = new ArrayList<>();
    if (topics.isEmpty()) {
      return report;
    }
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec t : topics) {
        if (existing.contains(t.name())) {
          TopicDescription d =
              admin
                  .describeTopics(List.of(t.name()))
                  .allTopicNames()
                  .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                  .get(t.name());
          report.add(
              "topic "
                  + t.name()
                  + " exists with "
                  + d.partitions().size()
                  + " partition(s); used as it is");
        } else {
          missing.add(newTopic(t));
          report.add(
              "created topic "
                  + t.name()
                  + " with "
                  + t.partitions()
                  + " partition(s)"
                  + (t.placement().isEmpty() ? "" : " placed " + t.placement()));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      return report;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw notAnswered(e);
      }
      throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw notAnswered(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private IllegalStateException notAnswered(Exception e) {
    return new IllegalStateException(
        "the cluster did not answer within "
            + Durations.format(timeout)
            + "; check --bootstrap-server, that the cluster runs, and --command-config",
        e);
  }

  static NewTopic newTopic(TopicSpec t) {
    NewTopic topic;
    if (!t.placement().isEmpty()) {
      Map<Integer, List<Integer>> assignments = new HashMap<>();
      for (int p = 0; p < t.placement().size(); p++) {
        assignments.put(p, t.placement().get(p));
      }
      topic = new NewTopic(t.name(), assignments);
    } else {
      topic =
          new NewTopic(
              t.name(),
              Optional.of(t.partitions()),
              Optional.ofNullable(t.replicationFactor()).map(Integer::shortValue));
    }
    return topic.configs(t.config());
  }
}
