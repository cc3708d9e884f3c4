package dev.ballast.app.task.fault;

import java.util.Set;

/**
 * A broker is decommissioned as an operator does it (scale-down): the balancer drains it, and once
 * it holds none of the task's replicas it is stopped with a controlled shutdown.
 */
public final class DrainAndStop implements Fault {

  private final int broker;
  private BackgroundAction stop;

  /** Creates the decommission of {@code broker}. */
  public DrainAndStop(int broker) {
    this.broker = broker;
  }

  @Override
  public String description() {
    return "broker " + broker + " is decommissioned (drain, then stop)";
  }

  @Override
  public void inject(FaultContext context) {
    context.drain(Set.of(broker));
  }

  @Override
  public boolean advance(FaultContext context) {
    if (stop == null) {
      if (context.replicasOn(broker) != 0) {
        return false;
      }
      context.log("broker " + broker + " is empty; stopping it");
      stop = BackgroundAction.start(() -> context.cluster().stopBroker(broker));
    }
    return stop.isDone();
  }

  @Override
  public void close() {
    BackgroundAction.await(stop);
  }
}
