/**
 * An embedded, real Apache Kafka KRaft cluster on 127.0.0.1: one controller and N brokers, each a
 * child JVM running {@code kafka.Kafka}, reached through a fault-injecting TCP proxy per broker.
 */
package dev.ballast.embedded;
