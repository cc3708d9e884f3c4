/**
 * The canary prober: small produce requests to a partition led by each broker, timed per broker.
 */
package dev.ballast.kafka.canary;
