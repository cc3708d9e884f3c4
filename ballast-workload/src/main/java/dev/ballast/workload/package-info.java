/** Rate-controlled producers and consumers, latency histograms and the continuity checker. */
package dev.ballast.workload;
