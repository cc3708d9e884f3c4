/**
 * The continuity checker: per producer and partition, which sequence numbers were acknowledged and
 * which were consumed, kept as interval sets, giving lost, duplicated and reordered messages.
 */
package dev.ballast.workload.continuity;
