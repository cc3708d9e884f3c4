/**
 * Scenarios: automated experiments on a real cluster with a lifecycle (prepare, warm-up, workload,
 * cleanup), checks with verdicts, and reports (Markdown, JSON, CSV, PNG charts); and {@code demo}.
 */
package dev.ballast.app.scenario;
