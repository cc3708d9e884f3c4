package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The user's shell commands that act on the brokers of an external cluster ({@code {id}} and {@code
 * $BALLAST_BROKER_ID} name the broker), each null when not given, and what to do without one.
 *
 * @param add starts one more broker ({@code demo --add-broker-cmd})
 * @param stop stops broker {@code {id}} ({@code demo --stop-broker-cmd})
 * @param kill kills broker {@code {id}} ({@code marathon --kill-broker-cmd})
 * @param restart starts broker {@code {id}} again ({@code marathon --restart-broker-cmd})
 * @param actionTimeout how long a command and the change it makes may take
 * @param askUser without a command, ask the user to act and wait for the cluster to show it done
 *     ({@code demo}); otherwise the missing command is an {@link InfrastructureException}
 */
public record BrokerCommands(
    String add, String stop, String kill, String restart, Duration actionTimeout, boolean askUser) {

  /** Validates. */
  public BrokerCommands {
    requireNonNull(actionTimeout, "actionTimeout");
  }

  /** Returns the marathon's commands: kill and restart, no asking. */
  public static BrokerCommands killAndRestart(String kill, String restart, Duration timeout) {
    return new BrokerCommands(null, null, kill, restart, timeout, /* askUser= */ false);
  }

  /** Returns demo's commands: add and stop, asking the user when one is missing. */
  public static BrokerCommands addAndStop(String add, String stop, Duration timeout) {
    return new BrokerCommands(add, stop, null, null, timeout, /* askUser= */ true);
  }
}
