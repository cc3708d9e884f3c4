/**
 * Executes reassignments safely: batches bounded per broker and per cluster, an optional
 * replication throttle that is always removed, progress read from the cluster, cancel, reconcile on
 * restart, and a preferred leader election at the end.
 */
package dev.ballast.kafka.exec;
