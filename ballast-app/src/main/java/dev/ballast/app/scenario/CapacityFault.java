package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.fault.Fault;
import dev.ballast.app.task.fault.FaultContext;
import dev.ballast.embedded.ClusterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The capacity scenario's trigger: not a fault but the operator's answer to one (the brokers'
 * network is capped from the start), driven on the same schedule: the doctor is called once
 * partitions fall out of sync, and its fix is written and applied ({@link CapacityFix}, stepped on
 * every {@link #advance}). The balancer only observes; the end needs every partition in sync again.
 */
final class CapacityFault implements Fault {

  private final CapacityFix fix;
  private boolean injected;

  CapacityFault(CapacityFix fix) {
    this.fix = requireNonNull(fix, "fix");
  }

  /**
   * Returns {@code spec} with two racks standing for two availability zones, followers leaving the
   * ISR after 2 s behind instead of 30 s (so under-replication shows within the demo's time), and
   * more heap than the default: 1 MB batches in multi-MB requests and fetches of up to 10 MB press
   * on 192 MB, and a GC pause longer than the broker's 3 s session would fence it.
   */
  static ClusterSpec zonesUnderLoad(ClusterSpec spec) {
    return spec.withRacks(List.of("az-a", "az-b"))
        .withBrokerHeapMb(320)
        .withBrokerProperties(Map.of("replica.lag.time.max.ms", "2000"));
  }

  @Override
  public String description() {
    return "the doctor is called once partitions fall out of sync";
  }

  @Override
  public void inject(FaultContext context) {
    injected = true;
  }

  @Override
  public boolean advance(FaultContext context) {
    return injected && fix.doWork(fix.clock().nanoTime());
  }

  /** The fixed cluster is judged in sync, not while a follower catches up. */
  @Override
  public boolean endReached(FaultContext context) {
    return context.underReplicated() == 0;
  }

  /**
   * The overload must show, the doctor samples, new brokers start, and the rebalance copies the
   * partitions through the capped network.
   */
  @Override
  public Duration extraTime() {
    return Duration.ofMinutes(6);
  }

  @Override
  public boolean balancerOnlyObserves() {
    return true;
  }

  @Override
  public void close() {
    fix.close(Duration.ofSeconds(30));
  }
}
