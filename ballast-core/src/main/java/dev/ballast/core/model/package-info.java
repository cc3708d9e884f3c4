/**
 * The cluster model the planner reads: brokers with their state, partitions with their replicas and
 * leader, and per-partition load. Immutable values, validated on construction.
 */
package dev.ballast.core.model;
