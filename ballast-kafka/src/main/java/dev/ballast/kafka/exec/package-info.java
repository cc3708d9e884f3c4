/**
 * Executes reassignments safely: batches bounded per broker and per cluster that rotate over
 * brokers and add one replica of a partition at a time, an optional replication throttle that is
 * always removed (restoring what it replaced), progress read from the cluster, cancel, a preferred
 * leader election at the end, and an execution journal (a compacted topic) written before anything
 * is applied, from which a later run adopts and finishes what a crashed one left.
 */
package dev.ballast.kafka.exec;
