package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity scenario's checkers fail on a fix that did nothing and say why, pass what the fix
 * did, and are INCONCLUSIVE when the fix recorded nothing.
 */
class CapacityChecksTest {

  private static final ScenarioSpec CAPACITY = Scenarios.capacity(true);

  @TempDir Path dir;

  private ScenarioRuns run(CapacityChecks.Evidence e) {
    return ScenarioRuns.good(CAPACITY, dir)
        .with(ScenarioKeys.CAPACITY, e)
        .with(ScenarioKeys.FIX_FILES, CapacityChecks.fixFiles(dir));
  }

  private static List<Verdict> judgeAll(ScenarioRuns run) {
    return CapacityChecks.all().stream().map(run::judge).toList();
  }

  @Test
  void aFixThatNeverRanFailsEveryCheck() {
    List<Verdict> v =
        judgeAll(run(new CapacityChecks.Evidence(0, null, false, List.of(), -1, null, Double.NaN)));
    assertThat(v).hasSize(6).extracting(Verdict::outcome).containsOnly(Outcome.FAIL);
    assertThat(v)
        .extracting(Verdict::checker)
        .containsExactly(
            "capacity-overload",
            "capacity-diagnosis",
            "capacity-fix-written",
            "capacity-fix-applied",
            "capacity-grown-in-sync",
            "capacity-sufficient-after");
    assertThat(v)
        .extracting(Verdict::evidence)
        .contains(
            "no capacity incident with a scale-out",
            "brokers [] added; rebalance not done",
            "the full load did not run again",
            "the doctor did not look again");
    assertThat(v.get(0).evidence()).startsWith("0 partition(s) of ballast-demo-orders");
    assertThat(v.get(2).evidence()).contains("diagnosis.txt missing or empty");
    assertThat(v.get(3).summary())
        .isEqualTo("the fix is applied: brokers added, then the rebalance");
  }

  @Test
  void underReplicationWithTheFullLoadOnTheGrownClusterFails() {
    List<Verdict> v =
        judgeAll(run(new CapacityChecks.Evidence(3, null, true, List.of(2, 3), 2, null, 12.5)));
    assertThat(v.get(0).outcome()).as("the overload showed").isEqualTo(Outcome.PASS);
    assertThat(v.get(3).outcome()).as("applied").isEqualTo(Outcome.PASS);
    assertThat(v.get(4).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.get(4).evidence())
        .isEqualTo("2 partition(s) under-replicated at worst with the full load on 4 brokers");
    assertThat(
            judgeAll(run(new CapacityChecks.Evidence(3, null, true, List.of(2, 3), 0, null, 9)))
                .get(4)
                .outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void aTerraformDiffThatChangesMoreThanTheBrokerCountFailsTheWrittenFix() throws IOException {
    Files.createDirectories(dir.resolve("fix"));
    for (String f : CapacityFix.FILES.values()) {
      Files.writeString(dir.resolve("fix").resolve(f), "-  number_of_broker_nodes = 2\n");
    }
    assertThat(CapacityChecks.fixFiles(dir).problems()).isEmpty();
    Files.writeString(
        dir.resolve("fix/terraform.diff"),
        "-  number_of_broker_nodes = 2\n+  number_of_broker_nodes = 4\n+  client_subnets = [x]\n");
    assertThat(CapacityChecks.fixFiles(dir).problems())
        .containsExactly(
            "terraform.diff changes more than number_of_broker_nodes: +  client_subnets = [x]");
  }

  @Test
  void noEvidenceOfTheFixIsInconclusive() {
    ScenarioRuns none = ScenarioRuns.good(CAPACITY, dir);
    for (Checker c : CapacityChecks.all()) {
      Verdict v = none.judge(c);
      assertThat(v.outcome()).as(c.name()).isEqualTo(Outcome.INCONCLUSIVE);
      assertThat(v.evidence()).isEqualTo("no capacity fix was recorded");
    }
    Verdict noFiles =
        run(new CapacityChecks.Evidence(3, null, true, List.of(2), 0, null, 1))
            .without(ScenarioKeys.FIX_FILES)
            .judge(new CapacityChecks.FixWritten());
    assertThat(noFiles.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }
}
