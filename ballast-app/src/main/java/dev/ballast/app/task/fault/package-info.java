/**
 * Faults a task does to the cluster under test (a broker added, drained and stopped, killed,
 * slowed, its network capped), each one object with a step-based lifecycle ({@link
 * dev.ballast.app.task.fault.Fault#inject}, {@link dev.ballast.app.task.fault.Fault#advance},
 * {@link dev.ballast.app.task.fault.Fault#undo}) instead of a branch on a trigger kind in the task.
 */
package dev.ballast.app.task.fault;
