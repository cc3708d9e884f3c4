/**
 * The {@code load} commands: run a workload file, produce or consume at a rate, on an embedded or
 * external cluster, with periodic figures, a final summary, a continuity verdict and a results JSON
 * file.
 */
package dev.ballast.app.load;
