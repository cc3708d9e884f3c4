/**
 * Prometheus metrics of the balancer: per-broker load as sampled, balance per resource, anomalies,
 * plans, executor progress, sampler staleness and JVM metrics, through the official Java client.
 */
package dev.ballast.app.metrics;
