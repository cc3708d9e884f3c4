package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code balance --once} ends with a conclusion: the plan, or "no plan: ..." and why. */
class OnceConclusionTest {

  private final CountingListener counting = new CountingListener(new BalancerListener() {});

  @Test
  void beforeAnyEvaluationThereIsNoConclusionToDraw() {
    assertThat(counting.noPlanReason()).isNull();
  }

  @Test
  void aBalancedClusterHasNothingToFix() {
    counting.onAnomalies(List.of());

    assertThat(counting.noPlanReason()).startsWith("no plan: nothing to fix");
  }

  @Test
  void anUnconfirmedImbalanceSaysWhyOnceDidNotPlan() {
    counting.onAnomalies(
        List.of(new Anomaly(AnomalyKind.IMBALANCE, List.of(0), "disk 2.00x the mean", true)));

    assertThat(counting.noPlanReason())
        .startsWith("no plan yet: an imbalance must persist")
        .contains("--once stops after the first");
  }

  @Test
  void anomaliesNoMoveCanRepairSaySo() {
    counting.onAnomalies(
        List.of(new Anomaly(AnomalyKind.NEW_BROKER, List.of(1), "holds no replicas", true)));

    assertThat(counting.noPlanReason()).startsWith("no plan: no move repairs");
  }

  @Test
  void aPlanIsItsOwnConclusion() {
    counting.onAnomalies(
        List.of(new Anomaly(AnomalyKind.NEW_BROKER, List.of(1), "holds no replicas", true)));
    counting.onPlan(
        new dev.ballast.core.plan.Planner(dev.ballast.core.plan.PlannerOptions.defaults())
            .plan(
                dev.ballast.core.synthetic.SyntheticCluster.generate(
                    new dev.ballast.core.synthetic.SyntheticSpec(3, 6, 1, 0, 0.5, 1))),
        false,
        "dry run: proposed, not executed");

    assertThat(counting.noPlanReason()).isNull();
  }
}
