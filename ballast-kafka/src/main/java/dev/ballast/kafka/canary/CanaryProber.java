package dev.ballast.kafka.canary;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.access.AccessDeniedException;
import dev.ballast.kafka.access.Refusals;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Times a small produce request to every broker each round, through a canary topic with one
 * single-replica partition per broker, kept so as brokers come and go (a new broker gets a new
 * partition). A broker that does not answer within the timeout is given the timeout as latency. One
 * round per {@link #doWork(long)} when due.
 */
public final class CanaryProber implements AutoCloseable {

  /** The canary topic's name; the planner and sampler leave it alone. */
  public static final String TOPIC = "__ballast_canary";

  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Duration interval;
  private final Duration timeout;
  private final LongSupplier nanoClock;
  private final int history;
  private final Map<Integer, Deque<Double>> recent = new TreeMap<>();
  private Map<Integer, Double> lastRound = Map.of();
  private long nextRoundNanos = Long.MIN_VALUE;

  /** Creates a prober for the cluster at {@code settings} that keeps {@code history} rounds. */
  public CanaryProber(
      Admin admin,
      ClientSettings settings,
      Duration interval,
      Duration timeout,
      int history,
      LongSupplier nanoClock) {
    this.admin = requireNonNull(admin, "admin");
    this.interval = requireNonNull(interval, "interval");
    this.timeout = requireNonNull(timeout, "timeout");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.history = history;
    Properties p = settings.toProperties();
    p.put(ProducerConfig.ACKS_CONFIG, "1");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    p.put(ProducerConfig.RETRIES_CONFIG, "0");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis() + 1));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "ballast-canary");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Probes every alive broker when a round is due; returns 1 when it probed, 0 otherwise. */
  public int doWork(long nowNanos) {
    if (nextRoundNanos != Long.MIN_VALUE && nowNanos - nextRoundNanos < 0) {
      return 0;
    }
    nextRoundNanos = nowNanos + interval.toNanos();
    List<Integer> brokers =
        AdminCalls.get(admin.describeCluster().nodes(), timeout, "describe the cluster").stream()
            .map(Node::id)
            .sorted()
            .toList();
    Map<Integer, TopicPartition> partitions = ensurePartitions(brokers);
    Map<Integer, Future<RecordMetadata>> sent = new TreeMap<>();
    Map<Integer, Long> sentAt = new HashMap<>();
    byte[] payload = new byte[64];
    for (Map.Entry<Integer, TopicPartition> e : partitions.entrySet()) {
      sentAt.put(e.getKey(), nanoClock.getAsLong());
      sent.put(
          e.getKey(),
          producer.send(new ProducerRecord<>(TOPIC, e.getValue().partition(), null, payload)));
    }
    Map<Integer, Double> round = new TreeMap<>();
    long deadline = nanoClock.getAsLong() + timeout.toNanos();
    for (Map.Entry<Integer, Future<RecordMetadata>> e : sent.entrySet()) {
      double ms;
      try {
        long wait = Math.max(1, deadline - nanoClock.getAsLong());
        e.getValue().get(wait, TimeUnit.NANOSECONDS);
        ms = (nanoClock.getAsLong() - sentAt.get(e.getKey())) / 1e6;
      } catch (ExecutionException ex) {
        // A refused write is no latency: it fails the prober with what to grant.
        Refusals.throwIfDenied("write to the canary topic", ex.getCause());
        ms = timeout.toMillis();
      } catch (TimeoutException ex) {
        ms = timeout.toMillis();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return 1;
      }
      round.put(e.getKey(), ms);
      Deque<Double> q = recent.computeIfAbsent(e.getKey(), k -> new ArrayDeque<>());
      q.addLast(ms);
      while (q.size() > history) {
        q.removeFirst();
      }
    }
    recent.keySet().retainAll(round.keySet());
    lastRound = Map.copyOf(round);
    return 1;
  }

  /** Returns the latency of each broker in the last round, in ms. */
  public Map<Integer, Double> lastRound() {
    return lastRound;
  }

  /** Returns each broker's latency percentile {@code q} (0..1) over the kept rounds, in ms. */
  public Map<Integer, Double> percentile(double q) {
    Map<Integer, Double> out = new TreeMap<>();
    recent.forEach(
        (b, values) -> {
          List<Double> sorted = new ArrayList<>(values);
          sorted.sort(Double::compare);
          int rank = (int) Math.ceil(q * sorted.size()) - 1;
          out.put(b, sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank))));
        });
    return out;
  }

  /** Returns, for each broker, a canary partition it leads, creating or moving one as needed. */
  private Map<Integer, TopicPartition> ensurePartitions(List<Integer> brokers) {
    Optional<TopicDescription> topic = describe();
    if (topic.isEmpty()) {
      Map<Integer, List<Integer>> assignment = new TreeMap<>();
      for (int i = 0; i < brokers.size(); i++) {
        assignment.put(i, List.of(brokers.get(i)));
      }
      try {
        AdminCalls.get(
            admin.createTopics(List.of(new NewTopic(TOPIC, assignment))).all(),
            timeout,
            "create the canary topic");
      } catch (RuntimeException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      topic = describe();
    }
    Map<Integer, TopicPartition> led = new TreeMap<>();
    Set<Integer> hosting = new java.util.HashSet<>();
    topic.ifPresent(
        d ->
            d.partitions()
                .forEach(
                    p -> {
                      p.replicas().forEach(r -> hosting.add(r.id()));
                      if (p.leader() != null
                          && !p.leader().isEmpty()
                          && brokers.contains(p.leader().id())) {
                        led.putIfAbsent(p.leader().id(), new TopicPartition(TOPIC, p.partition()));
                      }
                    }));
    List<List<Integer>> missing =
        brokers.stream().filter(b -> !hosting.contains(b)).map(List::of).toList();
    if (!missing.isEmpty() && topic.isPresent()) {
      int count = topic.get().partitions().size() + missing.size();
      try {
        AdminCalls.get(
            admin.createPartitions(Map.of(TOPIC, NewPartitions.increaseTo(count, missing))).all(),
            timeout,
            "add canary partitions for new brokers");
      } catch (AccessDeniedException e) {
        throw e;
      } catch (RuntimeException e) {
        // raced with another prober: the next round sees the partitions
      }
    }
    return led;
  }

  private Optional<TopicDescription> describe() {
    try {
      return Optional.ofNullable(
          admin
              .describeTopics(Set.of(TOPIC))
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(TOPIC));
    } catch (ExecutionException e) {
      Refusals.throwIfDenied("describe the canary topic", e.getCause());
      return Optional.empty();
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(2));
  }
}
