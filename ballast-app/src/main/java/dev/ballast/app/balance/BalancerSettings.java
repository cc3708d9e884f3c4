package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.detect.SlowBrokerSettings;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything the balancer service is configured with, defaults in one place.
 *
 * @param sampleInterval time between load samples
 * @param samples samples in the load window (at least 2)
 * @param canary whether to probe broker latency (slow-broker detection)
 * @param canaryInterval time between canary rounds
 * @param slow when a broker counts as slow
 * @param cooldown no new plan for this long after an execution ends
 * @param deadBrokerGrace a dead broker's replicas are re-created elsewhere only after this long
 * @param minImprovement plans that reduce the objective by less than this fraction are skipped
 * @param imbalanceConfirmations consecutive evaluations an imbalance must be seen in before a plan
 *     is executed (dead, draining, new and slow brokers are acted on at once)
 * @param dryRun propose plans only, never execute
 * @param planner the planner's goals, weights and band
 * @param executor the executor's limits and throttle
 * @param prometheusUrls brokers' metrics endpoints that measure bytes in/out; empty to estimate
 *     them from offsets
 * @param topics the topics sampled and balanced, or null for every topic but internal ones
 */
public record BalancerSettings(
    Duration sampleInterval,
    int samples,
    boolean canary,
    Duration canaryInterval,
    SlowBrokerSettings slow,
    Duration cooldown,
    Duration deadBrokerGrace,
    double minImprovement,
    int imbalanceConfirmations,
    boolean dryRun,
    PlannerOptions planner,
    ExecutorSettings executor,
    List<URI> prometheusUrls,
    java.util.regex.Pattern topics) {

  /** Validates the settings. */
  public BalancerSettings {
    requireNonNull(sampleInterval, "sampleInterval");
    requireNonNull(canaryInterval, "canaryInterval");
    requireNonNull(slow, "slow");
    requireNonNull(cooldown, "cooldown");
    requireNonNull(deadBrokerGrace, "deadBrokerGrace");
    requireNonNull(planner, "planner");
    requireNonNull(executor, "executor");
    prometheusUrls = List.copyOf(requireNonNull(prometheusUrls, "prometheusUrls"));
    if (imbalanceConfirmations < 1) {
      throw new IllegalArgumentException("imbalance confirmations must be >= 1");
    }
    if (samples < 2) {
      throw new IllegalArgumentException(
          "the load window needs at least 2 samples, not " + samples);
    }
    if (sampleInterval.isNegative() || sampleInterval.isZero()) {
      throw new IllegalArgumentException("the sample interval must be positive");
    }
  }

  /** Returns defaults suited to demos: 3 samples 5 s apart, canary every 2 s, 30 s cool-down. */
  public static BalancerSettings defaults() {
    return new BalancerSettings(
        Duration.ofSeconds(5),
        3,
        true,
        Duration.ofSeconds(2),
        SlowBrokerSettings.defaults(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        0.05,
        3,
        false,
        PlannerOptions.defaults(),
        ExecutorSettings.defaults(),
        List.of(),
        null);
  }

  /** Returns these settings with {@code n} samples {@code interval} apart. */
  public BalancerSettings withSampling(Duration interval, int n) {
    return edit(
        b -> {
          b.sampleInterval = interval;
          b.samples = n;
        });
  }

  /** Returns these settings with the canary on or off. */
  public BalancerSettings withCanary(boolean on, Duration interval) {
    return edit(
        b -> {
          b.canary = on;
          b.canaryInterval = interval;
        });
  }

  /** Returns these settings with another cool-down and dead-broker grace. */
  public BalancerSettings withTimings(Duration newCooldown, Duration grace) {
    return edit(
        b -> {
          b.cooldown = newCooldown;
          b.deadBrokerGrace = grace;
        });
  }

  /** Returns these settings proposing only (true) or executing (false). */
  public BalancerSettings withDryRun(boolean on) {
    return edit(b -> b.dryRun = on);
  }

  /** Returns these settings with other planner options. */
  public BalancerSettings withPlanner(PlannerOptions options) {
    return edit(b -> b.planner = options);
  }

  /** Returns these settings acting on an imbalance seen in {@code n} consecutive evaluations. */
  public BalancerSettings withImbalanceConfirmations(int n) {
    return edit(b -> b.imbalanceConfirmations = n);
  }

  /** Returns these settings with other executor settings. */
  public BalancerSettings withExecutor(ExecutorSettings settings) {
    return edit(b -> b.executor = settings);
  }

  /** Returns these settings measuring bytes in/out at {@code urls} (empty: from offsets). */
  public BalancerSettings withPrometheus(List<URI> urls) {
    return edit(b -> b.prometheusUrls = urls);
  }

  /** Returns these settings sampling and balancing only the topics {@code regex} matches. */
  public BalancerSettings withTopics(java.util.regex.Pattern regex) {
    return edit(b -> b.topics = regex);
  }

  /** Returns a copy with {@code change} applied to its fields (validated again). */
  private BalancerSettings edit(java.util.function.Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.build();
  }

  /** The fields of a copy being edited; one place that lists them, for the withers. */
  private static final class Fields {
    Duration sampleInterval;
    int samples;
    boolean canary;
    Duration canaryInterval;
    SlowBrokerSettings slow;
    Duration cooldown;
    Duration deadBrokerGrace;
    double minImprovement;
    int imbalanceConfirmations;
    boolean dryRun;
    PlannerOptions planner;
    ExecutorSettings executor;
    List<URI> prometheusUrls;
    java.util.regex.Pattern topics;

    Fields(BalancerSettings s) {
      sampleInterval = s.sampleInterval;
      samples = s.samples;
      canary = s.canary;
      canaryInterval = s.canaryInterval;
      slow = s.slow;
      cooldown = s.cooldown;
      deadBrokerGrace = s.deadBrokerGrace;
      minImprovement = s.minImprovement;
      imbalanceConfirmations = s.imbalanceConfirmations;
      dryRun = s.dryRun;
      planner = s.planner;
      executor = s.executor;
      prometheusUrls = s.prometheusUrls;
      topics = s.topics;
    }

    BalancerSettings build() {
      return new BalancerSettings(
          sampleInterval,
          samples,
          canary,
          canaryInterval,
          slow,
          cooldown,
          deadBrokerGrace,
          minImprovement,
          imbalanceConfirmations,
          dryRun,
          planner,
          executor,
          prometheusUrls,
          topics);
    }
  }
}
