package dev.ballast.app.task.chaos;

import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskType;

/** The {@code chaos} task type: kill -9 a broker under load, restart it, judge the recovery. */
public final class ChaosTaskType implements TaskType<ChaosConfig> {

  @Override
  public String name() {
    return "chaos";
  }

  @Override
  public String description() {
    return "kill -9 a broker under acks=all load (RF 3, min ISR 2), restart it: leaders back,"
        + " throughput back, nothing acked lost, ISR rejoined, leadership even";
  }

  @Override
  public Class<ChaosConfig> configType() {
    return ChaosConfig.class;
  }

  @Override
  public Task create(ChaosConfig config, TaskOptions options) {
    return new ChaosTask(config.resolve(options.quick()), options.externalBalancer());
  }
}
