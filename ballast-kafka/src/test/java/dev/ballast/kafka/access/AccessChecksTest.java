package dev.ballast.kafka.access;

import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.kafka.access.AccessCheck.Status;
import dev.ballast.kafka.access.ObservedAccess.Canary;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;

/** What a principal may do, decided from what the cluster reported. */
class AccessChecksTest {

  private static final Set<AclOperation> TOPIC_ALL =
      EnumSet.of(DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS, ALTER, WRITE);
  private static final Set<AclOperation> CLUSTER_ALL =
      EnumSet.of(DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS, ALTER);

  private static ObservedAccess full() {
    return new ObservedAccess(
        CLUSTER_ALL,
        Map.of("orders", TOPIC_ALL, "payments", TOPIC_ALL),
        false,
        Canary.VISIBLE,
        TOPIC_ALL,
        true);
  }

  private static Status statusOf(List<AccessCheck> checks, Requirement r) {
    return checks.stream().filter(c -> c.requirement() == r).findFirst().orElseThrow().status();
  }

  @Test
  void everyPermissionPresentIsAllOk() {
    List<AccessCheck> checks = AccessChecks.calculate(full());

    assertThat(checks).hasSize(Requirement.values().length);
    assertThat(checks).allMatch(c -> c.status() == Status.PRESENT);
  }

  @Test
  void aMissingClusterOperationIsMissing() {
    ObservedAccess seen =
        new ObservedAccess(
            EnumSet.of(DESCRIBE, DESCRIBE_CONFIGS),
            Map.of("orders", TOPIC_ALL),
            false,
            Canary.VISIBLE,
            TOPIC_ALL,
            true);

    List<AccessCheck> checks = AccessChecks.calculate(seen);

    assertThat(statusOf(checks, Requirement.ALTER_CLUSTER_CONFIGS)).isEqualTo(Status.MISSING);
    assertThat(statusOf(checks, Requirement.ALTER_CLUSTER)).isEqualTo(Status.MISSING);
    assertThat(statusOf(checks, Requirement.DESCRIBE_CLUSTER)).isEqualTo(Status.PRESENT);
  }

  @Test
  void aTopicWithoutAlterConfigsIsNamed() {
    ObservedAccess seen =
        new ObservedAccess(
            CLUSTER_ALL,
            Map.of("orders", TOPIC_ALL, "payments", EnumSet.of(DESCRIBE)),
            false,
            Canary.VISIBLE,
            TOPIC_ALL,
            true);

    AccessCheck check =
        AccessChecks.calculate(seen).stream()
            .filter(c -> c.requirement() == Requirement.ALTER_TOPIC_CONFIGS)
            .findFirst()
            .orElseThrow();

    assertThat(check.status()).isEqualTo(Status.MISSING);
    assertThat(check.detail()).isEqualTo("lacking on 1 of 2 visible topic(s): payments");
  }

  @Test
  void noPermissionAtAllIsMissingEverywhereItCanBeTold() {
    ObservedAccess seen =
        new ObservedAccess(Set.of(), Map.of(), true, Canary.ABSENT_NOT_CREATABLE, Set.of(), false);

    List<AccessCheck> checks = AccessChecks.calculate(seen);

    assertThat(AccessChecks.withStatus(checks, Status.MISSING))
        .extracting(AccessCheck::requirement)
        .containsExactly(
            Requirement.DESCRIBE_CLUSTER,
            Requirement.DESCRIBE_CLUSTER_CONFIGS,
            Requirement.ALTER_CLUSTER_CONFIGS,
            Requirement.ALTER_CLUSTER,
            Requirement.DESCRIBE_TOPICS,
            Requirement.DESCRIBE_TOPIC_CONFIGS,
            Requirement.ALTER_TOPIC_CONFIGS,
            Requirement.CREATE_CANARY,
            Requirement.DESCRIBE_GROUPS);
    assertThat(statusOf(checks, Requirement.WRITE_CANARY)).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void anEmptyClusterLeavesTopicConfigsUncheckedNotPresent() {
    ObservedAccess seen =
        new ObservedAccess(CLUSTER_ALL, Map.of(), false, Canary.ABSENT_CREATABLE, Set.of(), true);

    List<AccessCheck> checks = AccessChecks.calculate(seen);

    assertThat(statusOf(checks, Requirement.DESCRIBE_TOPICS)).isEqualTo(Status.PRESENT);
    assertThat(statusOf(checks, Requirement.ALTER_TOPIC_CONFIGS)).isEqualTo(Status.UNKNOWN);
    assertThat(statusOf(checks, Requirement.CREATE_CANARY)).isEqualTo(Status.PRESENT);
    assertThat(statusOf(checks, Requirement.WRITE_CANARY)).isEqualTo(Status.UNKNOWN);
    assertThat(AccessChecks.withStatus(checks, Status.MISSING)).isEmpty();
  }

  @Test
  void aCanaryThatCannotBeWrittenOrSeenIsMissing() {
    ObservedAccess readOnly =
        new ObservedAccess(
            CLUSTER_ALL,
            Map.of("orders", TOPIC_ALL),
            false,
            Canary.VISIBLE,
            EnumSet.of(DESCRIBE),
            true);
    ObservedAccess hidden =
        new ObservedAccess(
            CLUSTER_ALL, Map.of("orders", TOPIC_ALL), false, Canary.HIDDEN, Set.of(), true);

    assertThat(statusOf(AccessChecks.calculate(readOnly), Requirement.WRITE_CANARY))
        .isEqualTo(Status.MISSING);
    assertThat(statusOf(AccessChecks.calculate(hidden), Requirement.WRITE_CANARY))
        .isEqualTo(Status.MISSING);
  }

  @Test
  void aClusterThatDoesNotReportOperationsIsUnknownNotPresent() {
    ObservedAccess seen =
        new ObservedAccess(
            null, Map.of("orders", TOPIC_ALL), false, Canary.VISIBLE, TOPIC_ALL, true);

    assertThat(statusOf(AccessChecks.calculate(seen), Requirement.ALTER_CLUSTER))
        .isEqualTo(Status.UNKNOWN);
  }
}
