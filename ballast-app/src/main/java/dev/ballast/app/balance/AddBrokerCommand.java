package dev.ballast.app.balance;

import picocli.CommandLine.Command;

/** Gives new brokers their share of replicas and leaders (Cruise Control's add_broker). */
@Command(
    name = "add-broker",
    mixinStandardHelpOptions = true,
    description = {
      "Gives new (usually empty) brokers their share of the load, moving as little as possible,",
      "then exits. Example:",
      "  ballast add-broker 3 --bootstrap-server localhost:9092"
    })
public final class AddBrokerCommand extends BrokerSetCommand {

  @Override
  boolean drains() {
    return false;
  }
}
