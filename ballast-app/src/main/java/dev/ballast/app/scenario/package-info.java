/**
 * The balancing scenarios and {@code demo}: the catalogue ({@link
 * dev.ballast.app.scenario.Scenarios}), each scenario as a task of the task framework ({@link
 * dev.ballast.app.scenario.BalancingScenarioTask}: load, balancer and a {@link
 * dev.ballast.app.task.fault.Fault}, stepped by the {@link dev.ballast.app.task.TaskRunner}), its
 * checks with verdicts, and its reports (Markdown, JSON, CSV, PNG charts).
 */
package dev.ballast.app.scenario;
