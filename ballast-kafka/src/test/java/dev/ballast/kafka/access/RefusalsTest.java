package dev.ballast.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.kafka.KafkaCallException;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authorization errors become one line naming the permission to grant. */
class RefusalsTest {

  /** Every call description Ballast's adapters use maps to the permission Kafka checks. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "create the canary topic               | CREATE on topic __ballast_canary",
        "describe the canary topic             | DESCRIBE on topic __ballast_canary",
        "write to the canary topic             | WRITE on topic __ballast_canary",
        "add canary partitions for new brokers | ALTER on topic __ballast_canary",
        "set the replication throttle          | ALTER_CONFIGS on the cluster",
        "remove the replication throttle       | ALTER_CONFIGS on the cluster",
        "elect preferred leaders               | ALTER on the cluster",
        "list reassignments in flight          | DESCRIBE on the cluster",
        "read reassignment progress            | DESCRIBE on the cluster",
        "cancel reassignments                  | ALTER on the cluster",
        "describe topic configs                | DESCRIBE_CONFIGS on the topics (or topic *)",
        "change topic configs                  | ALTER_CONFIGS on the topics (or topic *)",
        "describe log dirs                     | DESCRIBE on the cluster",
        "list consumer groups                  | DESCRIBE on the consumer groups (or group *)",
        "list topics                           | DESCRIBE on the topics (or topic *)",
        "describe the plan's topics            | DESCRIBE on the topics (or topic *)",
        "describe the cluster                  | DESCRIBE on the cluster",
      })
  void everyCallNamesItsPermission(String what, String permission) {
    assertThat(Refusals.neededFor(what.trim())).map(Permission::describe).hasValue(permission);
  }

  @Test
  void aRefusedCanaryCreateNamesTheGrantAndNoCanary() {
    var denied =
        Refusals.of(
            "create the canary topic", new TopicAuthorizationException(Set.of("__ballast_canary")));

    assertThat(denied).isPresent();
    assertThat(denied.get().getMessage())
        .isEqualTo(
            "not authorized to create the canary topic: grant CREATE on topic __ballast_canary,"
                + " or run with --no-canary");
  }

  @Test
  void aRefusedThrottleNamesAlterConfigsOnTheCluster() {
    var denied =
        Refusals.of(
            "set the replication throttle",
            new ClusterAuthorizationException("Cluster authorization failed."));

    assertThat(denied.get().getMessage())
        .isEqualTo(
            "not authorized to set the replication throttle: grant ALTER_CONFIGS on the cluster");
  }

  @Test
  void aSingleRefusedTopicIsNamed() {
    var denied =
        Refusals.of("describe topic configs", new TopicAuthorizationException(Set.of("orders")));

    assertThat(denied.get().needed())
        .map(Permission::describe)
        .hasValue("DESCRIBE_CONFIGS on topic orders");
  }

  @Test
  void otherErrorsAreNotRefusals() {
    assertThat(Refusals.of("list topics", new UnknownTopicOrPartitionException("gone"))).isEmpty();
    assertThat(Refusals.isAccessProblem(new IllegalStateException("x"))).isFalse();
  }

  @Test
  void theLineNamesThePrincipalWhereverTheRefusalIsWrapped() {
    var denied =
        Refusals.of("list consumer groups", new GroupAuthorizationException("no", "g1")).get();
    var wrapped = new IllegalStateException("step failed", new KafkaCallException("x", denied));

    assertThat(Refusals.isAccessProblem(wrapped)).isTrue();
    assertThat(Refusals.describe(wrapped, "User:bob"))
        .hasValue(
            "principal User:bob is not authorized to list consumer groups: grant DESCRIBE on the"
                + " consumer groups (or group *)");
  }

  @Test
  void aRawAuthorizationErrorStillGetsALine() {
    assertThat(
            Refusals.describe(
                new RuntimeException(new TopicAuthorizationException(Set.of("orders"))),
                "User:bob"))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith(
                        "principal User:bob is not authorized: grant DESCRIBE on topic orders")
                    .contains("check-access"));
  }

  @Test
  void aWrapperThatNamesTheCallGivesTheOperation() {
    var wrapped =
        new IllegalStateException(
            "cannot create topics: Authorization failed.",
            new TopicAuthorizationException(Set.of("t")));

    assertThat(Refusals.describe(wrapped, "User:bob"))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("principal User:bob is not authorized: grant CREATE on topic t"));
  }

  @Test
  void failedAuthenticationSaysWhatToCheck() {
    assertThat(
            Refusals.describe(
                new SaslAuthenticationException("Authentication failed during authentication"),
                "User:bob"))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("authentication as User:bob failed")
                    .contains("sasl.jaas.config"));
    assertThat(Refusals.describe(new SslAuthenticationException("PKIX path"), "User:ANONYMOUS"))
        .hasValueSatisfying(line -> assertThat(line).contains("ssl.truststore.location"));
  }

  @Test
  void principalsAreNamedFromTheClientProperties() {
    assertThat(Principals.of(Map.of())).isEqualTo("User:ANONYMOUS");
    assertThat(
            Principals.of(
                Map.of(
                    "security.protocol",
                    "SASL_SSL",
                    "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"alice\" password=\"x\";")))
        .isEqualTo("User:alice");
    assertThat(Principals.of(Map.of("security.protocol", "SASL_PLAINTEXT")))
        .isEqualTo("the SASL principal of --command-config");
  }

  @Test
  void grantsAreKafkaAclsOptions() {
    assertThat(
            Permission.onCluster(org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS)
                .aclCommand("User:bob"))
        .isEqualTo("--add --allow-principal User:bob --operation AlterConfigs --cluster");
    assertThat(Requirement.DESCRIBE_GROUPS.permission().aclCommand("User:bob"))
        .isEqualTo("--add --allow-principal User:bob --operation Describe --group '*'");
  }
}
