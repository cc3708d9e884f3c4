/**
 * The exact reference of the planner: the planning problem of {@link dev.ballast.core.plan} as an
 * OR-Tools CP-SAT model (native code, which is why it is not in ballast-core). It is the oracle of
 * the planner's optimality tests, serves {@code plan --exact}, and gives the lower bound printed
 * next to a plan.
 */
package dev.ballast.solver;
