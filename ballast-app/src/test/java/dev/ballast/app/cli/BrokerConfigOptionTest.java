package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.embedded.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerConfigOptionTest {

  private static BrokerConfigOption parse(String... args) {
    BrokerConfigOption option = new BrokerConfigOption();
    new CommandLine(option).parseArgs(args);
    return option;
  }

  @Test
  void repeatedSettingsReachTheSpec() {
    ClusterSpec spec =
        parse(
                "--broker-config",
                "auto.leader.rebalance.enable=true",
                "--broker-config",
                "leader.imbalance.check.interval.seconds=5")
            .applyTo(ClusterSpec.ofBrokers(3));
    assertThat(spec.brokerConfig())
        .containsEntry("auto.leader.rebalance.enable", "true")
        .containsEntry("leader.imbalance.check.interval.seconds", "5");
  }

  @Test
  void anEntryWithoutEqualsIsAUserError() {
    assertThatThrownBy(() -> BrokerConfigOption.parse(List.of("auto.leader.rebalance.enable")))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("--broker-config takes KEY=VALUE");
  }

  @Test
  void anUnknownKeyIsAUserErrorWithExitCode2() {
    assertThatThrownBy(
            () ->
                parse("--broker-config", "num.netwrk.threads=2").applyTo(ClusterSpec.ofBrokers(1)))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "--broker-config: unknown broker config 'num.netwrk.threads'"
                + " (did you mean num.network.threads?)")
        .extracting(e -> ((UserException) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void noSettingsLeaveTheSpecAlone() {
    ClusterSpec spec = ClusterSpec.ofBrokers(2);
    assertThat(parse().applyTo(spec)).isSameAs(spec);
  }
}
