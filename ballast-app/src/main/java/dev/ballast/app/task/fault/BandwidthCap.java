package dev.ballast.app.task.fault;

import dev.ballast.app.balance.ConsoleListener;

/**
 * Every broker's network is capped at a rate each way (the embedded cluster's proxy): the cluster
 * has less capacity than its load needs.
 */
public final class BandwidthCap implements Fault {

  private final long bytesPerSecond;
  private boolean injected;

  /** Creates a cap of {@code bytesPerSecond} (> 0) on every broker. */
  public BandwidthCap(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond must be > 0, got " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public String description() {
    return "every broker's network capped at "
        + ConsoleListener.bytes(bytesPerSecond)
        + "/s each way";
  }

  @Override
  public void inject(FaultContext context) {
    for (int id : context.cluster().brokerIds()) {
      context.cluster().setBandwidth(id, bytesPerSecond);
    }
    injected = true;
  }

  @Override
  public boolean advance(FaultContext context) {
    return injected;
  }

  @Override
  public void undo(FaultContext context) {
    if (injected) {
      for (int id : context.cluster().brokerIds()) {
        context.cluster().setBandwidth(id, 0);
      }
    }
  }
}
