package dev.ballast.app.task.fault;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Latency is injected on every request into a broker (the embedded cluster's proxy); the end is
 * judged once the producers' p99 is back under that latency.
 */
public final class SlowBroker implements Fault {

  private final int broker;
  private final Duration latency;
  private boolean injected;

  /** Creates {@code latency} on {@code broker}. */
  public SlowBroker(int broker, Duration latency) {
    this.broker = broker;
    this.latency = requireNonNull(latency, "latency");
  }

  @Override
  public String description() {
    return latency.toMillis() + " ms latency injected on broker " + broker;
  }

  @Override
  public void inject(FaultContext context) {
    context.cluster().setLatency(broker, latency);
    injected = true;
  }

  @Override
  public boolean advance(FaultContext context) {
    return injected;
  }

  @Override
  public boolean clientsRecovered(FaultContext context) {
    return isRecovered(context.produceP99Ms(), latency);
  }

  /** Returns whether a produce p99 of {@code p99Ms} is under the injected {@code latency}. */
  static boolean isRecovered(double p99Ms, Duration latency) {
    return p99Ms < latency.toMillis();
  }

  @Override
  public void undo(FaultContext context) {
    if (injected) {
      context.cluster().setLatency(broker, Duration.ZERO);
    }
  }
}
