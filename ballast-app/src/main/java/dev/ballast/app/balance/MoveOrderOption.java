package dev.ballast.app.balance;

import dev.ballast.app.cli.UserException;
import dev.ballast.kafka.exec.MoveOrder;
import picocli.CommandLine.Option;

/** The {@code --move-order} option of every command that executes moves. */
public final class MoveOrderOption {

  @Option(
      names = "--move-order",
      defaultValue = "plan",
      paramLabel = "ORDER",
      description =
          "Which moves start first: plan, small-first, large-first or under-replicated-first"
              + " (default: ${DEFAULT-VALUE}).")
  String value = "plan";

  /** Returns the order given; an unknown name is a one-line user error listing the valid ones. */
  public MoveOrder order() {
    try {
      return MoveOrder.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }
}
