/**
 * Measured bytes in/out from brokers' Prometheus endpoints: a parser for the text exposition
 * format, a mapper that knows the usual Kafka exporters (Strimzi, Confluent, plain jmx_exporter or
 * MSK, AutoMQ), a scraper, and an overlay that puts the measured figures over the offset-based
 * estimate of {@link dev.ballast.kafka.sample}.
 */
package dev.ballast.kafka.prometheus;
