package dev.ballast.core.plan;

/**
 * Whether a hard goal holds after the plan.
 *
 * @param name the goal ("drain", "slow-broker", "rack-spread", "capacity", ...)
 * @param met whether it holds after the plan
 * @param detail what is wrong and why the planner could not fix it, or what holds
 */
public record HardGoalReport(String name, boolean met, String detail) {}
