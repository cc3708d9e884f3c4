/**
 * The planner: turns a {@link dev.ballast.core.model.ClusterModel} and {@link
 * dev.ballast.core.plan.PlannerOptions} into a {@link dev.ballast.core.plan.Plan} of explained
 * actions, with a lower bound on the bytes any plan must move, and renders it. Pure and
 * deterministic: no I/O, no clock, no hash-order iteration.
 */
package dev.ballast.core.plan;
