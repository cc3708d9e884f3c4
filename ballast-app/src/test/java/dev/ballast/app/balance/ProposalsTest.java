package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.balance.BalancerService.Approval;
import dev.ballast.app.balance.BalancerService.Proposal;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.synthetic.SyntheticCluster;
import dev.ballast.core.synthetic.SyntheticSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProposalsTest {

  final Proposals proposals = new Proposals();
  ClusterModel model;
  Plan plan;

  @BeforeEach
  void skewedCluster() {
    model = SyntheticCluster.generate(new SyntheticSpec(3, 6, 1, 0, 0.5, 1));
    plan = new Planner(PlannerOptions.defaults()).plan(model);
    assertThat(plan.actions()).as("the fixture needs a plan with moves").isNotEmpty();
  }

  @Test
  void onlyTheProposalShownCanBeApprovedAndOnlyOnce() {
    assertThat(proposals.approve(1, () -> false)).isEqualTo(Approval.NO_PROPOSAL);

    proposals.propose(plan, model, List.of(), 0);
    long id = proposals.waiting().orElseThrow().id();

    assertThat(proposals.approve(id + 1, () -> false)).isEqualTo(Approval.STALE);
    assertThat(proposals.approve(id, () -> true)).isEqualTo(Approval.BUSY);
    assertThat(proposals.approve(id, () -> false)).isEqualTo(Approval.APPROVED);
    assertThat(proposals.waiting()).isEmpty();
    assertThat(proposals.approve(id, () -> false)).isEqualTo(Approval.BUSY);
    // While approved and not started, a fresh evaluation shows the approved plan.
    assertThat(proposals.propose(plan, model, List.of(), 1)).isSameAs(plan);

    Proposal go = proposals.takeApproved();
    assertThat(go.id()).isEqualTo(id);
    assertThat(proposals.takeApproved()).isNull();
  }

  @Test
  void aProposalIsKeptWhileItAppliesAndRenumberedOnlyWhenItsTargetsChange() {
    Plan first = proposals.propose(plan, model, List.of(), 0);
    long id = proposals.waiting().orElseThrow().id();
    Plan again = new Planner(PlannerOptions.defaults()).plan(model);

    assertThat(proposals.propose(again, model, List.of(), 1)).isSameAs(first);
    long expired = Proposals.PROPOSAL_TTL.toNanos() + 1;
    assertThat(proposals.propose(again, model, List.of(), expired)).isSameAs(again);
    assertThat(proposals.waiting().orElseThrow().id())
        .as("same targets, same number")
        .isEqualTo(id);

    proposals.withdraw();
    assertThat(proposals.waiting()).isEmpty();
    proposals.propose(plan, model, List.of(), expired + 1);
    assertThat(proposals.waiting().orElseThrow().id()).isEqualTo(id + 1);
  }
}
