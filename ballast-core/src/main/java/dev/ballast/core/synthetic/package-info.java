/** Synthetic clusters for benchmarks and tests: seeded, deterministic, skewed on purpose. */
package dev.ballast.core.synthetic;
