package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigsTest {

  @Test
  void kafkaBrokerConfigsAreAccepted() {
    Map<String, String> config =
        Map.of(
            "auto.leader.rebalance.enable", "true",
            "leader.imbalance.check.interval.seconds", "5",
            "min.insync.replicas", "2",
            "listener.name.plaintext.max.connections", "100");
    assertThat(BrokerConfigs.validate(config)).isEqualTo(config);
  }

  @Test
  void anUnknownKeyIsRefusedByNameWithTheNearestKnownOne() {
    assertThatThrownBy(() -> BrokerConfigs.validate(Map.of("auto.leader.rebalance.enabel", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown broker config 'auto.leader.rebalance.enabel'"
                + " (did you mean auto.leader.rebalance.enable?)");
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() {
    assertThatThrownBy(
            () -> BrokerConfigs.validate(Map.of("leader.imbalance.check.interval.seconds", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "broker config leader.imbalance.check.interval.seconds=soon is not a valid long");
  }

  @Test
  void keysBallastSetsPerNodeAreRefused() {
    assertThatThrownBy(() -> BrokerConfigs.validate(Map.of("listeners", "PLAINTEXT://:9092")))
        .hasMessageContaining("listeners is set by Ballast for each embedded node");
    assertThatThrownBy(() -> BrokerConfigs.validate(Map.of("broker.rack", "a")))
        .hasMessageEndingWith("; use --racks");
  }

  @Test
  void theDefinitionsAreOnTheClassPathHere() {
    assertThat(BrokerConfigs.definitions()).isPresent();
  }

  @Test
  void theSpecCarriesTheValidatedConfig() {
    ClusterSpec spec =
        ClusterSpec.ofBrokers(3).withBrokerConfig(Map.of("auto.leader.rebalance.enable", "false"));
    assertThat(spec.brokerConfig()).containsEntry("auto.leader.rebalance.enable", "false");
    assertThat(spec.withRacks(java.util.List.of("a")).brokerConfig())
        .isEqualTo(spec.brokerConfig());
    assertThatThrownBy(() -> spec.withBrokerConfig(Map.of("no.such.key", "1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
