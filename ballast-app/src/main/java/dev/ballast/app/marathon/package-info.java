/**
 * {@code bin/ballast marathon}: runs a task list in rounds on one cluster, writes each run's
 * results and the marathon's index with trends, and turns verdicts into alerts and metrics.
 */
package dev.ballast.app.marathon;
