package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.BrokerCommands;
import dev.ballast.kafka.ClientSettings;
import java.time.Duration;

/**
 * An external cluster to run scenarios on ({@code demo --bootstrap-server}).
 *
 * @param client how to connect
 * @param addBrokerCmd the shell command that adds a broker, or null to ask the user
 * @param stopBrokerCmd the shell command that stops broker {@code {id}}, or null to ask the user
 * @param actionTimeout how long to wait for a broker to join or leave
 */
public record ExternalTarget(
    ClientSettings client, String addBrokerCmd, String stopBrokerCmd, Duration actionTimeout) {

  /** Validates. */
  public ExternalTarget {
    requireNonNull(client, "client");
    requireNonNull(actionTimeout, "actionTimeout");
  }

  /** Returns the broker commands of this target (the user is asked when one is missing). */
  public BrokerCommands commands() {
    return BrokerCommands.addAndStop(addBrokerCmd, stopBrokerCmd, actionTimeout);
  }
}
