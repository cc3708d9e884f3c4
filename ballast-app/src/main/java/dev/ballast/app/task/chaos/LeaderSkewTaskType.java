package dev.ballast.app.task.chaos;

import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskType;

/** The {@code leader-skew} task type: judges whoever balances leadership (--balancer external). */
public final class LeaderSkewTaskType implements TaskType<LeaderSkewConfig> {

  @Override
  public String name() {
    return "leader-skew";
  }

  @Override
  public String description() {
    return "restart a broker so it leads nothing; leadership must be even again within the limit"
        + " (with --balancer external: by someone else's balancer, e.g. Kafka's auto rebalance)";
  }

  @Override
  public Class<LeaderSkewConfig> configType() {
    return LeaderSkewConfig.class;
  }

  @Override
  public Task create(LeaderSkewConfig config, TaskOptions options) {
    return new LeaderSkewTask(config, options.externalBalancer());
  }
}
