/**
 * The zero-install load sampler: per-partition load from log-end-offset deltas, log-dir sizes and
 * consumer-group committed offsets, read through the Admin API only.
 */
package dev.ballast.kafka.sample;
