package dev.ballast.app.doctor;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.doctor.DoctorInput;
import dev.ballast.core.doctor.TopicConfig;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.KafkaCallException;
import dev.ballast.kafka.SnapshotReader;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadSampler;
import dev.ballast.kafka.sample.SampleCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Reads what the doctor needs from a live cluster: placement and ISR (twice, a sampling window
 * apart, to tell lasting under-replication from a blip), per-partition load from the zero-install
 * sampler, and each topic's min.insync.replicas and unclean.leader.election.enable.
 */
public final class LiveReader {

  /** Internal topics (__consumer_offsets, the canary, ...) are not diagnosed. */
  public static final Predicate<String> TOPICS =
      t -> !t.startsWith("__") && !t.startsWith("_confluent");

  /**
   * What was read.
   *
   * @param input the doctor's input
   * @param warnings what the sampler says a user should know
   */
  public record Reading(DoctorInput input, List<String> warnings) {}

  private final Admin admin;
  private final Duration timeout;
  private final String address;
  private final LongSupplier nanoClock;

  /** Creates a reader over {@code admin} for the cluster at {@code address}. */
  public LiveReader(Admin admin, Duration timeout, String address, LongSupplier nanoClock) {
    this.admin = requireNonNull(admin, "admin");
    this.timeout = requireNonNull(timeout, "timeout");
    this.address = requireNonNull(address, "address");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
  }

  /**
   * Reads the cluster, sampling load over {@code window} (zero: no load, one look at the ISR); with
   * a {@code canary} (or null), also times a small produce to every broker meanwhile.
   */
  public Reading read(Duration window, CanaryProber canary) {
    ClusterDescriber describer = new ClusterDescriber(admin, timeout, address);
    ClusterDescription first = describer.describe(false);
    Map<TopicPartition, PartitionLoad> loads = Map.of();
    List<String> warnings = new ArrayList<>();
    ClusterDescription last = first;
    Map<Integer, Double> latency = new TreeMap<>();
    if (!window.isZero()) {
      Sampled sampled = sample(window, canary);
      loads = sampled.loads();
      latency.putAll(sampled.latency());
      warnings.addAll(sampled.warnings());
      last = describer.describe(false);
    }
    ClusterModel model = SnapshotReader.toModel(last, loads, Map.of(), TOPICS);
    latency.keySet().removeIf(id -> !model.hasBroker(id));
    boolean persistent = !window.isZero() && persistentUrps(first, last);
    return new Reading(new DoctorInput(model, topicConfigs(model), latency, persistent), warnings);
  }

  /**
   * What a sampling window gave.
   *
   * @param loads per-partition load, empty when sampling failed
   * @param latency median canary latency per broker, empty without a canary
   * @param warnings what went wrong or looks doubtful
   */
  private record Sampled(
      Map<TopicPartition, PartitionLoad> loads,
      Map<Integer, Double> latency,
      List<String> warnings) {}

  /**
   * Samples load (and probes with {@code canary}) for {@code window}; a sampler or canary the
   * cluster refuses (ACLs, quotas) is dropped with a warning instead of failing the diagnosis.
   */
  private Sampled sample(Duration window, CanaryProber canary) {
    int samples = 3;
    LoadSampler sampler =
        new LoadSampler(
            new SampleCollector(admin, timeout, nanoClock, TOPICS),
            samples,
            window.dividedBy(samples - 1));
    List<String> warnings = new ArrayList<>();
    long deadline = nanoClock.getAsLong() + window.toNanos();
    boolean sampling = true;
    boolean probing = canary != null;
    while (sampling ? !sampler.isWarm() : probing && nanoClock.getAsLong() - deadline < 0) {
      long now = nanoClock.getAsLong();
      int work = 0;
      if (sampling) {
        try {
          work += sampler.doWork(now);
        } catch (KafkaCallException e) {
          sampling = false;
          warnings.add("load was not sampled (" + e.getMessage() + "); load is not assessed");
        }
      }
      if (probing) {
        try {
          work += canary.doWork(now);
        } catch (KafkaCallException | KafkaException e) {
          probing = false;
          warnings.add("the canary stopped (" + e.getMessage() + "); slow brokers not assessed");
        }
      }
      if (work == 0) {
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
    }
    Map<TopicPartition, PartitionLoad> loads = Map.of();
    if (sampling) {
      LoadEstimate estimate = sampler.estimate();
      loads = estimate.loads();
      warnings.addAll(estimate.warnings());
    }
    Map<Integer, Double> latency = probing ? canary.percentile(0.5) : Map.of();
    return new Sampled(loads, latency, warnings);
  }

  /**
   * Returns whether {@code last} has URPs and each was already under-replicated in {@code first}.
   */
  static boolean persistentUrps(ClusterDescription first, ClusterDescription last) {
    Set<String> before = urps(first);
    Set<String> after = urps(last);
    return !after.isEmpty() && before.containsAll(after);
  }

  private static Set<String> urps(ClusterDescription d) {
    Set<String> out = new HashSet<>();
    d.topics()
        .forEach(
            (topic, parts) -> {
              if (TOPICS.test(topic)) {
                parts.stream()
                    .filter(p -> p.leader() >= 0 && p.isr().size() < p.replicas().size())
                    .forEach(p -> out.add(topic + "-" + p.partition()));
              }
            });
    return out;
  }

  private Map<String, TopicConfig> topicConfigs(ClusterModel model) {
    List<ConfigResource> resources = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Partition p : model.partitions()) {
      if (seen.add(p.topic())) {
        resources.add(new ConfigResource(ConfigResource.Type.TOPIC, p.topic()));
      }
    }
    if (resources.isEmpty()) {
      return Map.of();
    }
    Map<ConfigResource, Config> configs =
        AdminCalls.get(admin.describeConfigs(resources).all(), timeout, "describe topic configs");
    Map<String, TopicConfig> out = new TreeMap<>();
    configs.forEach(
        (resource, config) -> {
          ConfigEntry minIsr =
              config.get(org.apache.kafka.common.config.TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
          ConfigEntry unclean =
              config.get(
                  org.apache.kafka.common.config.TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG);
          out.put(
              resource.name(),
              new TopicConfig(
                  minIsr == null || minIsr.value() == null ? 1 : Integer.parseInt(minIsr.value()),
                  unclean != null && Boolean.parseBoolean(unclean.value())));
        });
    return out;
  }
}
