/**
 * Pure, deterministic rate arithmetic: rate shapes, the schedule of intended send times, and the
 * pacer that waits for them through an injected clock and idle strategy.
 */
package dev.ballast.workload.rate;
