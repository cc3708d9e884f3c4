package dev.ballast.app.balance;

import dev.ballast.app.balance.BalancerService.Approval;
import dev.ballast.app.balance.BalancerService.Proposal;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The dry-run plan waiting for approval and the one approved, shared between the service's step and
 * the dashboard's approve button; thread-safe.
 */
final class Proposals {

  /** How long a proposal waiting for approval is kept before a fresh plan replaces it. */
  static final Duration PROPOSAL_TTL = Duration.ofMinutes(5);

  private Proposal proposal;
  private Proposal approved;
  private long proposals;
  private long proposedAt;
  private String proposedFor = "";

  /** Returns the plan waiting for approval, if any and not approved yet. */
  synchronized Optional<Proposal> waiting() {
    return Optional.ofNullable(approved == null ? proposal : null);
  }

  /** Approves proposal {@code id} unless {@code executing} holds or it is not the one shown. */
  synchronized Approval approve(long id, BooleanSupplier executing) {
    if (executing.getAsBoolean() || approved != null) {
      return Approval.BUSY;
    }
    if (proposal == null) {
      return Approval.NO_PROPOSAL;
    }
    if (proposal.id() != id) {
      return Approval.STALE;
    }
    approved = proposal;
    proposal = null;
    return Approval.APPROVED;
  }

  /** Returns the approved proposal, if any, and forgets it (it starts now). */
  synchronized Proposal takeApproved() {
    Proposal go = approved;
    approved = null;
    return go;
  }

  /** Withdraws the proposal waiting (nothing to do any more). */
  synchronized void withdraw() {
    proposal = null;
  }

  /**
   * Returns the plan to propose: the one proposed already while it still applies to the cluster,
   * answers the same anomalies and is younger than {@link #PROPOSAL_TTL} (so what a user reviews
   * does not change under the approve button), else {@code plan} under a new number.
   */
  synchronized Plan propose(Plan plan, ClusterModel model, List<Anomaly> anomalies, long nowNanos) {
    String answers =
        anomalies.stream()
            .filter(Anomaly::actionable)
            .map(a -> a.kind().label() + a.brokers())
            .sorted()
            .toList()
            .toString();
    if (approved != null) {
      return approved.plan();
    }
    boolean keep =
        proposal != null
            && nowNanos - proposedAt < PROPOSAL_TTL.toNanos()
            && answers.equals(proposedFor)
            && appliesTo(proposal.plan(), model);
    if (!keep) {
      boolean same = proposal != null && targets(proposal.plan()).equals(targets(plan));
      proposal = new Proposal(same ? proposal.id() : ++proposals, plan);
      proposedAt = nowNanos;
      proposedFor = answers;
    }
    return proposal.plan();
  }

  /** Returns whether every action of {@code plan} starts from the replicas the cluster has now. */
  private static boolean appliesTo(Plan plan, ClusterModel model) {
    Map<String, List<Integer>> replicas = new HashMap<>();
    model.partitions().forEach(p -> replicas.put(p.name(), p.replicas()));
    return plan.actions().stream().allMatch(a -> a.oldReplicas().equals(replicas.get(a.name())));
  }

  private static List<String> targets(Plan plan) {
    return plan.actions().stream().map(a -> a.name() + a.newReplicas()).toList();
  }
}
