/**
 * Anomaly detection, pure: slow brokers from canary latencies (peer comparison with hysteresis),
 * and the anomalies the balancer acts on (dead, draining, new and slow brokers, imbalance).
 */
package dev.ballast.core.detect;
