package dev.ballast.app.balance;

import picocli.CommandLine.Command;

/** Moves every replica off brokers about to be decommissioned (Cruise Control's remove_broker). */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = {
      "Moves every replica and leadership off the given brokers, spreading them over the others",
      "by load, then exits. Stop the brokers afterwards. Example:",
      "  ballast drain 2 --bootstrap-server localhost:9092"
    })
public final class DrainCommand extends BrokerSetCommand {

  @Override
  boolean drains() {
    return true;
  }
}
