package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node and client settings of each {@link ClusterSecurity}. */
class SecurityConfigsTest {

  @TempDir Path dir;

  @Test
  void plaintextAddsNothing() throws Exception {
    SecurityConfigs c = SecurityConfigs.create(ClusterSecurity.NONE, dir);

    assertThat(c.broker(1, 2)).isEmpty();
    assertThat(c.controller()).isEmpty();
    assertThat(c.formatArgs()).isEmpty();
    assertThat(c.writeClientFiles(dir)).isEmpty();
    assertThat(c.listener(9)).isEqualTo("PLAINTEXT://127.0.0.1:9");
  }

  @Test
  void scramRunsTheAuthorizerWithAdminAsSuperUserAndFormatsBothUsers() throws Exception {
    SecurityConfigs c = SecurityConfigs.create(ClusterSecurity.SASL_SCRAM, dir);

    Map<String, String> broker = c.broker(1000, 2000);
    assertThat(broker)
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:1000")
        .containsEntry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:2000")
        .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-256")
        .containsEntry(
            "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
        .containsEntry("super.users", "User:admin;User:ANONYMOUS")
        .containsKey("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config");
    assertThat(c.controller()).containsKey("authorizer.class.name");
    assertThat(c.formatArgs())
        .hasSize(4)
        .anyMatch(a -> a.startsWith("SCRAM-SHA-256=[name=admin,password="))
        .anyMatch(a -> a.startsWith("SCRAM-SHA-256=[name=guest,password="));
    assertThat(c.client("guest").get("sasl.jaas.config"))
        .contains("ScramLoginModule required username=\"guest\"");
  }

  @Test
  void plainListsEveryUserInTheBrokerLogin() {
    SecurityConfigs c = SecurityConfigs.create(ClusterSecurity.SASL_PLAIN, dir);

    String jaas = c.broker(1, 2).get("listener.name.sasl_plaintext.plain.sasl.jaas.config");
    assertThat(jaas).contains("username=\"admin\"", "user_admin=", "user_guest=");
    assertThat(c.formatArgs()).isEmpty();
  }

  @Test
  void sslGivesBrokersAKeystoreAndClientsATruststoreOnly() throws Exception {
    SecurityConfigs c = SecurityConfigs.create(ClusterSecurity.SSL, dir.resolve("tls"));

    assertThat(c.broker(1, 2))
        .containsEntry("listeners", "SSL://127.0.0.1:1")
        .containsKey("ssl.keystore.location")
        .doesNotContainKey("authorizer.class.name");
    Map<String, Path> files = c.writeClientFiles(dir);
    assertThat(files).containsOnlyKeys("admin");
    String props = Files.readString(files.get("admin"));
    assertThat(props).contains("security.protocol=SSL", "ssl.truststore.location=");
    assertThat(props).doesNotContain("keystore");
  }

  @Test
  void optionValuesRoundTripAndABadOneSaysWhatIsAccepted() {
    for (ClusterSecurity s : ClusterSecurity.values()) {
      assertThat(ClusterSecurity.fromOption(s.optionValue())).isEqualTo(s);
    }
    assertThatThrownBy(() -> ClusterSecurity.fromOption("kerberos"))
        .hasMessage("--security takes none, sasl-plain, sasl-scram or ssl, not 'kerberos'");
  }
}
