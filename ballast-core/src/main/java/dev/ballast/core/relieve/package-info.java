/**
 * Targeted plans: relieve only the brokers above a threshold of one resource ({@code
 * network-in>80%}), moving nothing but their replicas and never pushing a destination over the same
 * threshold. Pure and deterministic, like the planner it hands its target to.
 */
package dev.ballast.core.relieve;
