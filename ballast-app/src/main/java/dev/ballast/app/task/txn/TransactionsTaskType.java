package dev.ballast.app.task.txn;

import dev.ballast.app.task.Task;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.TaskType;

/** The {@code transactions} task type. */
public final class TransactionsTaskType implements TaskType<TransactionsConfig> {

  @Override
  public String name() {
    return "transactions";
  }

  @Override
  public String description() {
    return "commit and abort known transactions through a broker bounce: no aborted or torn read,"
        + " every committed record once, no hanging transaction";
  }

  @Override
  public Class<TransactionsConfig> configType() {
    return TransactionsConfig.class;
  }

  @Override
  public Task create(TransactionsConfig config, TaskOptions options) {
    return new TransactionsTask(config.resolve(options.quick()));
  }
}
