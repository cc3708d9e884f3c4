/** The {@code plan} command: reads a snapshot file, runs the planner, writes the plan. */
package dev.ballast.app.plan;
