/**
 * Latency histograms that never clip (auto-resizing HdrHistogram) and their summaries: from the
 * intended send time, from the actual send, schedule delay, and end to end.
 */
package dev.ballast.workload.latency;
