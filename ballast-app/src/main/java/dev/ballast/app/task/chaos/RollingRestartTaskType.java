package dev.ballast.app.task.chaos;

import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskType;

/** The {@code rolling-restart} task type. */
public final class RollingRestartTaskType implements TaskType<RollingRestartConfig> {

  @Override
  public String name() {
    return "rolling-restart";
  }

  @Override
  public String description() {
    return "stop and start every broker in turn (controlled shutdown) under acks=all load: nothing"
        + " acked lost, errors and p99 bounded, each broker back in every ISR, leadership even";
  }

  @Override
  public Class<RollingRestartConfig> configType() {
    return RollingRestartConfig.class;
  }

  @Override
  public Task create(RollingRestartConfig config, TaskOptions options) {
    return new RollingRestartTask(config.resolve(options.quick()), options.externalBalancer());
  }
}
