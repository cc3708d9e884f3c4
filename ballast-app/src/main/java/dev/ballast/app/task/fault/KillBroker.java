package dev.ballast.app.task.fault;

import dev.ballast.embedded.ClusterSpec;
import java.util.Map;

/** A broker is killed (-9, no controlled shutdown); in effect once it is down. */
public final class KillBroker implements Fault {

  private final int broker;
  private BackgroundAction kill;

  /** Creates the kill of {@code broker}. */
  public KillBroker(int broker) {
    this.broker = broker;
  }

  /**
   * Returns {@code spec} with the internal topics replicated (RF 2): at RF 1, killing a broker
   * takes down the consumer groups (and producer state) coordinated there.
   */
  public static ClusterSpec survivable(ClusterSpec spec) {
    return spec.withBrokerProperties(
        Map.of(
            "offsets.topic.replication.factor", "2",
            "transaction.state.log.replication.factor", "2"));
  }

  @Override
  public String description() {
    return "broker " + broker + " is killed (-9)";
  }

  @Override
  public void inject(FaultContext context) {
    kill = BackgroundAction.start(() -> context.cluster().killBroker(broker));
  }

  @Override
  public boolean advance(FaultContext context) {
    return BackgroundAction.done(kill);
  }

  @Override
  public void close() {
    BackgroundAction.await(kill);
  }
}
