package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.builtin.Continuity;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.latency.LatencySummary;
import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.worker.ConsumerAssignment;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.ProducerAssignment;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkerResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Steady {@code acks=all} load on one topic through a {@link Worker}: producers at a constant rate,
 * one consumer group checking continuity, and the acknowledged rate sampled every period.
 */
public final class SteadyLoad {

  private static final long PERIOD_NANOS = 1_000_000_000L;

  private final Worker worker;
  private final String topic;
  private final double perSecond;
  private final List<Observed.RateSample> samples = new ArrayList<>();
  private final List<Observed.LatencySample> latencies = new ArrayList<>();
  private long nextSampleNanos;
  private boolean started;
  private long drainStartNanos = -1;
  private Observed.Load result;
  private Continuity continuity;

  /** Creates load of {@code perSecond} messages/s on {@code topic}, run by {@code worker}. */
  public SteadyLoad(Worker worker, String topic, double perSecond) {
    this.worker = requireNonNull(worker, "worker");
    this.topic = requireNonNull(topic, "topic");
    this.perSecond = perSecond;
  }

  /**
   * Starts the checking consumer group and {@code producers} producers of {@code messageBytes}
   * messages; their ids start at {@code firstProducerId}.
   */
  public void start(
      ClientSettings client, int producers, int messageBytes, long firstProducerId, long now) {
    Map<String, Object> base = new HashMap<>();
    client.toProperties().forEach((k, v) -> base.put(k.toString(), v));
    worker.startConsumerGroup(
        List.of(new ConsumerAssignment(topic + "-check", topic, topic + "-check", base)), false);
    Map<String, Object> producerConfig = new HashMap<>(base);
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    List<ProducerAssignment> assignments = new ArrayList<>();
    for (int i = 0; i < producers; i++) {
      assignments.add(
          new ProducerAssignment(
              firstProducerId + i,
              topic + "-producer-" + i,
              topic,
              RateShape.constant(perSecond / producers),
              RateUnit.MESSAGES,
              new MessageSizeSpec("fixed", messageBytes, null, null, null, null),
              KeyKind.NONE,
              0,
              0,
              List.of(),
              producerConfig));
    }
    worker.startProducers(assignments);
    started = true;
    nextSampleNanos = now + PERIOD_NANOS;
  }

  /** Samples the acknowledged rate when a period has passed; returns the period's stats, if any. */
  public PeriodStats sample(long now) {
    if (!started || now < nextSampleNanos) {
      return null;
    }
    nextSampleNanos = now + PERIOD_NANOS;
    PeriodStats stats = worker.periodStats();
    samples.add(new Observed.RateSample(now, stats.ackedPerSecond()));
    latencies.add(
        new Observed.LatencySample(
            now,
            LatencySummary.millis(stats.intended().p99()),
            LatencySummary.millis(stats.send().p99()),
            LatencySummary.millis(stats.scheduleDelay().maxNanos())));
    return stats;
  }

  /** Returns the latencies of every period sampled so far (the warm-up's included). */
  public List<Observed.LatencySample> latencies() {
    return List.copyOf(latencies);
  }

  /** Returns nanoseconds until the next sample is due. */
  public long nanosUntilSample(long now) {
    return Math.max(0, nextSampleNanos - now);
  }

  /** Discards latencies so far: what follows is measured. */
  public void endWarmup() {
    worker.endWarmup();
  }

  /** Returns the target rate. */
  public double perSecond() {
    return perSecond;
  }

  /** Returns the throughput series with the fault at {@code faultNanos} (-1: none). */
  public Observed.Throughput throughput(long faultNanos) {
    return new Observed.Throughput(perSecond, faultNanos, samples);
  }

  /** Stops the producers once every message sent is acknowledged or failed (blocks). */
  public void stopProducers() {
    if (started) {
      worker.stopProducers();
    }
  }

  /** Returns whether the consumers have read every acknowledged message. */
  public boolean drained() {
    return worker.hasDrained();
  }

  /** Stops the consumers and returns what the load came to. */
  public Observed.Load finish(boolean drained) {
    WorkerResult r = worker.finish();
    GroupResult group =
        r.groups().stream()
            .filter(g -> g.topic().equals(topic))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no consumer group on " + topic));
    continuity =
        new Continuity(
            List.of(group), drained, drained ? "" : "consumers had not caught up at the deadline");
    ContinuityVerdict verdict = group.verdict();
    double p99Millis = r.intended().getValueAtPercentile(99) / 1e6;
    return new Observed.Load(verdict, r.sent(), r.acked(), r.failed(), p99Millis, drained);
  }

  /**
   * Ends the load one step at a time: the first call stops the producers (blocking until every
   * message is acknowledged or failed), later ones wait for the consumers to read everything
   * acknowledged, up to {@code limit}; returns true once {@link #result()} is ready.
   */
  public boolean drainStep(long now, java.time.Duration limit) {
    if (result != null) {
      return true;
    }
    if (drainStartNanos < 0) {
      stopProducers();
      drainStartNanos = now;
    }
    boolean drained = drained();
    if (drained || now - drainStartNanos > limit.toNanos()) {
      // The last period: what was acknowledged while the producers stopped is sampled too.
      nextSampleNanos = now;
      sample(now);
      result = finish(drained);
      return true;
    }
    return false;
  }

  /** Returns what the consumer group read, for the continuity checker, once drained. */
  public Continuity continuity() {
    if (continuity == null) {
      throw new IllegalStateException("the load has not been drained yet");
    }
    return continuity;
  }

  /** Returns the load's end, once {@link #drainStep} returned true. */
  public Observed.Load result() {
    if (result == null) {
      throw new IllegalStateException("the load has not been drained yet");
    }
    return result;
  }

  /** Stops whatever still runs, for cleanup; never throws. */
  public void abandon() {
    if (!started || result != null) {
      return;
    }
    try {
      if (drainStartNanos < 0) {
        stopProducers();
      }
      result = finish(false);
    } catch (RuntimeException e) {
      // the worker is closed by the runner anyway
    }
  }

  /** Returns whether the load was started. */
  public boolean started() {
    return started;
  }
}
